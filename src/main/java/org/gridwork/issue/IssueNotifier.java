package org.gridwork.issue;

import java.util.LinkedHashSet;
import java.util.Set;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.notify.UserNotification;
import org.gridwork.territory.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tells people about issues through the bell: assignees of dispatches and warnings, supervisors of the rest. */
@Component
class IssueNotifier {

    private final AccountService accounts;
    private final DataScope dataScope;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    IssueNotifier(AccountService accounts, DataScope dataScope, ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.dataScope = dataScope;
    }

    /** The assigned staff member, or every handler of the assigned department. */
    void assignees(Long userId, Long departmentId, long issueId, String key, Object... args) {
        Set<Long> to = new LinkedHashSet<>();
        if (userId != null) {
            to.add(userId);
        }
        if (departmentId != null) {
            for (UserSummary u : accounts.usersWithRole(Role.HANDLER)) {
                if (departmentId.equals(u.departmentId()) && u.enabled()) {
                    to.add(u.id());
                }
            }
        }
        send(to, issueId, key, args);
    }

    /** Supervisors whose subtree holds the grid. */
    void supervisors(long gridId, long issueId, String key, Object... args) {
        Set<Long> to = new LinkedHashSet<>();
        for (UserSummary u : accounts.usersWithRole(Role.SUPERVISOR)) {
            CurrentUser cu = new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId());
            if (u.enabled() && dataScope.of(cu).allowsGrid(gridId)) {
                to.add(u.id());
            }
        }
        send(to, issueId, key, args);
    }

    /**
     * The supervisors of one level whose subtree holds the grid (issue 21): the county desk for what
     * the county handles, the town's (and villages') otherwise; all of them when that level has none.
     */
    void desk(long gridId, boolean county, long issueId, String key, Object... args) {
        Set<Long> level = new LinkedHashSet<>();
        Set<Long> all = new LinkedHashSet<>();
        for (UserSummary u : accounts.usersWithRole(Role.SUPERVISOR)) {
            CurrentUser cu = new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId());
            if (u.enabled() && dataScope.of(cu).allowsGrid(gridId)) {
                all.add(u.id());
                if ((dataScope.levelOf(cu) == org.gridwork.account.CommandLevel.COUNTY) == county) {
                    level.add(u.id());
                }
            }
        }
        send(level.isEmpty() ? all : level, issueId, key, args);
    }

    /**
     * Whoever reported the issue hears how it goes (filed, rejected with the reason, dispatched,
     * sent back, closed), unless they did it themselves; public reports have no account to tell.
     */
    void reporter(Issue issue, long actorId, String key, Object... args) {
        Long reporter = issue.getReporterId();
        if (reporter != null && reporter != actorId) {
            send(Set.of(reporter), issue.getId(), key, args);
        }
    }

    void send(Set<Long> to, long issueId, String key, Object... args) {
        if (to.isEmpty()) {
            return;
        }
        // the issue's own words beside its number: a number alone tells the reader nothing
        String description = jdbc.query("select description from issue where id = ?",
                rs -> rs.next() ? rs.getString(1) : "", issueId);
        String flat = description.replace('\u001F', ' ');
        String gist = flat.length() > 30 ? flat.substring(0, 29) + "…" : flat;
        Object[] withId = new Object[args.length + 2];
        withId[0] = issueId;
        withId[1] = gist;
        System.arraycopy(args, 0, withId, 2, args.length);
        for (Long user : to) {
            events.publishEvent(new UserNotification(user, key, withId, "/issues/" + issueId));
        }
    }
}
