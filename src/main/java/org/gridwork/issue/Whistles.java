package org.gridwork.issue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.DepartmentSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.shared.text.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 吹哨报到 (issue 21): a town desk calls named county departments to an issue with a deadline to
 * report, by default 30 minutes of working time on the business calendar; each department
 * reports (报到), then records what it did. Every step is a line on the issue's timeline. The
 * rules are {@link Whistle}'s.
 */
@Service
@Transactional(readOnly = true)
public class Whistles {

    private final IssueService issues;
    private final Escalations escalations;
    private final DeadlineCalculator deadlines;
    private final AccountService accounts;
    private final CurrentUsers currentUsers;
    private final IssueNotifier notifier;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final EscalationSettings settings;
    private final DataScope dataScope;
    private final Regions regions;
    private final Grids grids;
    private final BusinessTime time;

    Whistles(IssueService issues, Escalations escalations, DeadlineCalculator deadlines, AccountService accounts,
            CurrentUsers currentUsers, IssueNotifier notifier, JdbcTemplate jdbc, ApplicationEventPublisher events,
            EscalationSettings settings, DataScope dataScope,
            Regions regions, Grids grids, BusinessTime time) {
        this.dataScope = dataScope;
        this.regions = regions;
        this.grids = grids;
        this.time = time;
        this.issues = issues;
        this.escalations = escalations;
        this.deadlines = deadlines;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
    }

    /** 吹哨: calls the county departments to the issue; returns the call's id. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public long blow(long issueId, List<Long> departmentIds, String note) {
        CurrentUser user = currentUsers.require();
        Issue issue = issues.load(issueId, user);
        Actor a = issues.actor(user, issue.getGridId());
        if (!Whistle.mayCall(a, issue.getStatus())) {
            throw new BusinessRuleException("issue.error.notAllowed", "WHISTLE");
        }
        Map<Long, DepartmentSummary> county = escalations.countyDepartments().stream()
                .collect(Collectors.toMap(DepartmentSummary::id, d -> d));
        Set<Long> called = new LinkedHashSet<>();
        for (Long d : departmentIds == null ? List.<Long>of() : departmentIds) {
            if (d == null || !county.containsKey(d)) {
                throw new BusinessRuleException("issue.error.whistleDepartments");
            }
            called.add(d);
        }
        if (called.isEmpty()) {
            throw new BusinessRuleException("issue.error.whistleDepartments");
        }
        Instant now = issues.now();
        Instant respondBy = deadlines.workingMinutes(now, settings.whistleMinutes());
        String text = note == null || note.isBlank() ? null : note.strip();
        TextLimits.require(text, 1000); // whistle_call.note
        Long callId = jdbc.queryForObject("""
                insert into whistle_call(issue_id, called_by, called_at, respond_by, note) values (?, ?, ?, ?, ?) returning id""",
                Long.class, issueId, user.id(), Timestamp.from(now), Timestamp.from(respondBy), text);
        for (Long d : called) {
            jdbc.update("insert into whistle_response(call_id, department_id) values (?, ?)", callId, d);
            notifier.assignees(null, d, issueId, "notification.issue.whistle");
        }
        String names = called.stream().map(d -> county.get(d).name()).collect(Collectors.joining("、"));
        issues.saveEvent(issueId, new IssueEvent(issueId, now, a, "WHISTLE", issue.getStatus(), issue.getStatus(),
                text == null ? names : names + ": " + text));
        events.publishEvent(AuditEvent.of("ISSUE_WHISTLE", "ISSUE", issueId, "departments " + called));
        return callId;
    }

    /** 报到: the current handler's department reports to the call. */
    @PreAuthorize("hasRole('HANDLER')")
    @Transactional
    public void acknowledge(long issueId, long callId) {
        Answer r = answer(issueId, callId);
        if (!Whistle.mayAcknowledge(r.actor(), r.departmentId(), r.acknowledgedAt())) {
            throw new BusinessRuleException("issue.error.notAllowed", "WHISTLE_ACK");
        }
        Instant now = issues.now();
        jdbc.update("""
                update whistle_response set acknowledged_at = ?, acknowledged_by = ?
                where call_id = ? and department_id = ? and acknowledged_at is null""",
                Timestamp.from(now), r.actor().userId(), callId, r.departmentId());
        boolean late = !Whistle.onTime(r.respondBy(), now);
        issues.saveEvent(issueId, new IssueEvent(issueId, now, r.actor(), late ? "WHISTLE_ACK_LATE" : "WHISTLE_ACK",
                r.status(), r.status(), accounts.department(r.departmentId()).name()));
        events.publishEvent(AuditEvent.of("ISSUE_WHISTLE_ACK", "ISSUE", issueId, "call " + callId));
        notifier.send(Set.of(r.calledBy()), issueId, "notification.issue.whistleAck", accounts.department(r.departmentId()).name());
    }

    /** The department records what it did for the call. */
    @PreAuthorize("hasRole('HANDLER')")
    @Transactional
    public void recordAction(long issueId, long callId, String action) {
        Answer r = answer(issueId, callId);
        if (action == null || action.isBlank()) {
            throw new BusinessRuleException("issue.error.feedbackRequired");
        }
        if (!Whistle.mayRecordAction(r.actor(), r.departmentId(), r.acknowledgedAt(), r.actionAt())) {
            throw new BusinessRuleException("issue.error.notAllowed", "WHISTLE_ACTION");
        }
        TextLimits.require(action.strip(), 2000); // whistle_response.action_note
        Instant now = issues.now();
        jdbc.update("update whistle_response set action_note = ?, action_at = ? where call_id = ? and department_id = ?",
                action.strip(), Timestamp.from(now), callId, r.departmentId());
        issues.saveEvent(issueId, new IssueEvent(issueId, now, r.actor(), "WHISTLE_ACTION", r.status(), r.status(),
                accounts.department(r.departmentId()).name() + ": " + action.strip()));
        events.publishEvent(AuditEvent.of("ISSUE_WHISTLE_ACTION", "ISSUE", issueId, "call " + callId));
        notifier.send(Set.of(r.calledBy()), issueId, "notification.issue.whistleAction", accounts.department(r.departmentId()).name());
    }

    // ---- the list behind the dashboard's whistle figures ----

    /** One called department's answer to a call, for the list. {@code state} is a {@link Whistle.State} name. */
    public record WhistleRow(long issueId, String issueGist, String gridName, String departmentName, Instant calledAt,
            Instant respondBy, Instant acknowledgedAt, String state) {
    }

    /** The rows of a month, the figure's numbers from them: due, reported in time, missed. */
    public record WhistleList(List<WhistleRow> rows, long due, long onTime, boolean capped) {

        public long missed() {
            return due - onTime;
        }
    }

    static final int LIST_LIMIT = 500;

    /**
     * Departments called in the month on issues under the node (a region or grid code; the user's
     * whole area when blank), {@code missedOnly}: those that did not report in time. Handlers see
     * their own department's calls; grid staff nothing (404), as outside the scope.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'HANDLER')")
    public WhistleList list(String nodeCode, YearMonth month, boolean missedOnly) {
        CurrentUser user = currentUsers.require();
        StringBuilder where = new StringBuilder(" where w.called_at >= ? and w.called_at < ?");
        ArrayList<Object> args = new ArrayList<>();
        Instant now = issues.now();
        args.add(Timestamp.from(month.atDay(1).atStartOfDay(time.zone()).toInstant()));
        args.add(Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(time.zone()).toInstant()));
        switch (user.role()) {
            case HANDLER -> {
                where.append(" and r.department_id = ?");
                args.add(user.departmentId() == null ? -1L : user.departmentId());
            }
            case GRID_STAFF -> throw new NotFoundException("whistles", 0L);
            default -> narrow(where, args, nodeCode);
        }
        if (missedOnly) {
            where.append(" and ((r.acknowledged_at is null and w.respond_by < ?) or r.acknowledged_at > w.respond_by)");
            args.add(Timestamp.from(now));
        }
        List<WhistleRow> rows = new ArrayList<>(jdbc.query("""
                select i.id, i.description, g.name, d.name, w.called_at, w.respond_by, r.acknowledged_at, r.action_at
                from whistle_call w join whistle_response r on r.call_id = w.id join issue i on i.id = w.issue_id
                join grid g on g.id = i.grid_id join department d on d.id = r.department_id""" + where
                + " order by w.called_at desc, d.name limit " + (LIST_LIMIT + 1), (rs, n) -> {
                    Instant respondBy = Escalations.ts(rs.getTimestamp(6));
                    Instant ack = Escalations.ts(rs.getTimestamp(7));
                    String text = rs.getString(2).replace('\u001F', ' ');
                    return new WhistleRow(rs.getLong(1), text.length() > 40 ? text.substring(0, 39) + "…" : text,
                            rs.getString(3), rs.getString(4), Escalations.ts(rs.getTimestamp(5)), respondBy, ack,
                            Whistle.state(respondBy, ack, Escalations.ts(rs.getTimestamp(8)), now).name());
                }, args.toArray()));
        boolean capped = rows.size() > LIST_LIMIT;
        if (capped) {
            rows = rows.subList(0, LIST_LIMIT);
        }
        long due = rows.stream().filter(r -> !"WAITING".equals(r.state())).count();
        long onTime = rows.stream().filter(r -> Whistle.onTime(r.respondBy(), r.acknowledgedAt())).count();
        return new WhistleList(rows, due, onTime, capped);
    }

    /** Cuts the rows to the node (404 outside the user's scope) or, without one, to the user's area. */
    private void narrow(StringBuilder where, List<Object> args, String nodeCode) {
        GridScope scope = dataScope.current();
        if (nodeCode != null && !nodeCode.isBlank()) {
            String code = nodeCode.strip();
            var grid = grids.findGridByCode(code);
            if (grid.isPresent()) {
                if (!scope.allowsGrid(grid.get().id())) {
                    throw new NotFoundException("grid", code);
                }
                where.append(" and i.grid_id = ?");
                args.add(grid.get().id());
                return;
            }
            var region = regions.findRegionByCode(code).filter(r -> scope.allowsRegionPath(r.path()))
                    .orElseThrow(() -> new NotFoundException("region", code));
            where.append(" and i.region_path like ?");
            args.add(region.path().replace("%", "").replace("_", "") + "%");
            return;
        }
        if (!scope.unrestricted()) {
            // region subtrees only (no grid column given): a scope without them sees nothing here
            GridScope.Predicate inScope = scope.predicate(null, "i.region_path");
            where.append(" and ").append(inScope.sql());
            args.addAll(inScope.args());
        }
    }

    private record Answer(Actor actor, IssueStatus status, long departmentId, long calledBy, Instant respondBy,
            Instant acknowledgedAt, Instant actionAt) {
    }

    /** The current user's department's answer to a call on an issue they may see (404 otherwise). */
    private Answer answer(long issueId, long callId) {
        CurrentUser user = currentUsers.require();
        Issue issue = issues.load(issueId, user);
        Actor a = issues.actor(user, issue.getGridId());
        long dept = user.departmentId() == null ? -1L : user.departmentId();
        List<Answer> found = jdbc.query("""
                select w.called_by, w.respond_by, r.acknowledged_at, r.action_at
                from whistle_call w join whistle_response r on r.call_id = w.id
                where w.id = ? and w.issue_id = ? and r.department_id = ?""",
                (rs, n) -> new Answer(a, issue.getStatus(), dept, rs.getLong(1), Escalations.ts(rs.getTimestamp(2)),
                        Escalations.ts(rs.getTimestamp(3)), Escalations.ts(rs.getTimestamp(4))),
                callId, issueId, dept);
        if (found.isEmpty()) {
            throw new NotFoundException("whistle", callId);
        }
        return found.get(0);
    }
}
