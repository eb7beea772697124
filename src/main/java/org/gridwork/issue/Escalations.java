package org.gridwork.issue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.DepartmentSummary;
import org.gridwork.account.Role;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.text.TextLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Up the chain (issue 21, DOMAIN.md section 10): a town escalates (上报) an issue to the county
 * centre, which files it (受理) or sends it back (退回乡镇), then dispatches it to a lead county
 * department (主办) with co-handlers (协办) under its own limit; handled, it comes back down to the
 * town for verification through the ordinary loop. Transitions go through {@link IssueService}'s
 * version check, scope check and audit; the rules are the aggregate's ({@link Issue#allows}).
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(EscalationSettings.class)
public class Escalations {

    static final int MAX_LIMIT_DAYS = 60;

    private final IssueService issues;
    private final IssueRepository repository;
    private final DeadlineCalculator deadlines;
    private final AccountService accounts;
    private final CurrentUsers currentUsers;
    private final IssueNotifier notifier;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final EscalationSettings settings;
    private final IssueChains chains;

    Escalations(IssueService issues, IssueRepository repository, DeadlineCalculator deadlines, AccountService accounts,
            CurrentUsers currentUsers, IssueNotifier notifier, JdbcTemplate jdbc, ApplicationEventPublisher events,
            EscalationSettings settings, IssueChains chains) {
        this.chains = chains;
        this.issues = issues;
        this.repository = repository;
        this.deadlines = deadlines;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
    }

    /** 上报: the town hands the issue to the county centre with a reason; both levels hear of it. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void escalate(long id, long version, String reason) {
        Issue issue = issues.act(id, version, "ISSUE_ESCALATED", (i, a) -> i.escalate(a, reason, issues.now()));
        jdbc.update("delete from issue_co_department where issue_id = ?", id);
        notifier.supervisors(issue.getGridId(), id, "notification.issue.escalated", reason.strip());
    }

    /** 受理: the county desk takes the escalated issue on. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void fileAtCounty(long id, long version, String comment) {
        Issue issue = issues.act(id, version, "ISSUE_FILED_AT_COUNTY", (i, a) -> i.fileAtCounty(a, comment, issues.now()));
        if (issue.getEscalatedBy() != null) {
            notifier.send(Set.of(issue.getEscalatedBy()), id, "notification.issue.filedAtCounty");
        }
    }

    /** 退回乡镇: the county finds it the town's to solve. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void declineEscalation(long id, long version, String reason) {
        Issue issue = issues.act(id, version, "ISSUE_ESCALATION_DECLINED",
                (i, a) -> i.declineEscalation(a, reason, issues.now()));
        notifier.supervisors(issue.getGridId(), id, "notification.issue.escalationDeclined", reason.strip());
    }

    /**
     * The county dispatches to a lead department (主办) and optional co-handlers (协办), all county
     * departments, with its own limit in working days.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void dispatchAtCounty(long id, long version, Long leadDepartmentId, List<Long> coDepartmentIds, Integer limitDays,
            String comment) {
        Map<Long, DepartmentSummary> county = countyDepartments().stream()
                .collect(Collectors.toMap(DepartmentSummary::id, d -> d));
        DepartmentSummary lead = leadDepartmentId == null ? null : county.get(leadDepartmentId);
        if (lead == null) {
            throw new BusinessRuleException("issue.error.leadRequired");
        }
        if (limitDays == null || limitDays < 1 || limitDays > MAX_LIMIT_DAYS) {
            throw new BusinessRuleException("issue.error.countyLimit", MAX_LIMIT_DAYS);
        }
        Set<Long> co = new LinkedHashSet<>();
        for (Long d : coDepartmentIds == null ? List.<Long>of() : coDepartmentIds) {
            if (d == null || !county.containsKey(d)) {
                throw new BusinessRuleException("issue.error.leadRequired");
            }
            if (d != lead.id()) {
                co.add(d);
            }
        }
        String coNames = co.stream().map(d -> county.get(d).name()).collect(Collectors.joining("、"));
        issues.act(id, version, "ISSUE_DISPATCHED_AT_COUNTY", (i, a) -> i.dispatchAtCounty(a, lead.id(), lead.name(), coNames,
                limitDays, deadlines.workingDays(issues.now(), limitDays), comment, issues.now()));
        jdbc.update("delete from issue_co_department where issue_id = ?", id);
        for (Long d : co) {
            jdbc.update("insert into issue_co_department(issue_id, department_id) values (?, ?)", id, d);
            notifier.assignees(null, d, id, "notification.issue.coHandler");
        }
        notifier.assignees(null, lead.id(), id, "notification.issue.dispatched");
    }

    /** A co-handling department (协办) records its part; the lead department still reports the issue handled. */
    @PreAuthorize("hasRole('HANDLER')")
    @Transactional
    public void noteAsCoHandler(long id, String note) {
        CurrentUser user = currentUsers.require();
        Issue issue = issues.load(id, user);
        if (note == null || note.isBlank()) {
            throw new BusinessRuleException("issue.error.feedbackRequired");
        }
        TextLimits.require(note.strip(), 2000); // issue_co_department.note
        if (!mayNoteAsCoHandler(issue, user)) {
            throw new BusinessRuleException("issue.error.notAllowed", "CO_HANDLER_NOTE");
        }
        Instant now = issues.now();
        jdbc.update("update issue_co_department set note = ?, noted_at = ? where issue_id = ? and department_id = ?",
                note.strip(), java.sql.Timestamp.from(now), id, user.departmentId());
        Actor a = issues.actor(user, issue.getGridId());
        issues.saveEvent(id, new IssueEvent(id, now, a, "CO_HANDLER_NOTE", issue.getStatus(), issue.getStatus(), note));
        events.publishEvent(AuditEvent.of("ISSUE_CO_HANDLER_NOTE", "ISSUE", id, "department " + user.departmentId()));
        notifier.assignees(null, issue.getAssigneeDepartmentId(), id, "notification.issue.coHandlerNoted");
    }

    private boolean mayNoteAsCoHandler(Issue issue, CurrentUser user) {
        if (user.role() != Role.HANDLER || user.departmentId() == null || !issue.getStatus().inHandling()
                || issue.getLevel() != org.gridwork.account.CommandLevel.COUNTY) {
            return false;
        }
        Integer n = jdbc.queryForObject("select count(*) from issue_co_department where issue_id = ? and department_id = ?",
                Integer.class, issue.getId(), user.departmentId());
        return n != null && n > 0;
    }

    /** Active county departments, the county centre's to dispatch to and the town's to call by whistle. */
    public List<DepartmentSummary> countyDepartments() {
        return accounts.departments().stream().filter(d -> d.active() && d.county()).toList();
    }

    /** The county's default limit in working days, for the dispatch form. */
    public int defaultCountyLimitDays() {
        return settings.countyLimitDays();
    }

    // ---- automatic escalation ----

    /** Issues overdue at the town for longer than the configured time, oldest deadline first. */
    List<Long> overdueAtTown(Instant now, int limit) {
        return jdbc.queryForList("""
                select id from issue
                where handling_level = 'TOWN' and status in ('DISPATCHED', 'IN_PROGRESS') and deadline < ?
                order by deadline limit ?""", Long.class,
                java.sql.Timestamp.from(now.minus(settings.autoAfter())), limit);
    }

    /** The system escalates one issue whose town time limit ran out long ago; false when it moved meanwhile. */
    @Transactional
    public boolean escalateAutomatically(long id) {
        Issue issue = repository.findById(id).orElse(null);
        Instant now = issues.now();
        if (issue == null || issue.getLevel() != org.gridwork.account.CommandLevel.TOWN || !issue.getStatus().inHandling()
                || issue.getDeadline() == null || !issue.getDeadline().isBefore(now.minus(settings.autoAfter()))) {
            return false;
        }
        issue.escalateAutomatically(autoReason(), now);
        issues.saveChange(issue);
        events.publishEvent(AuditEvent.of("ISSUE_AUTO_ESCALATED", "ISSUE", id, "overdue since " + issue.getOriginalDeadline()));
        notifier.supervisors(issue.getGridId(), id, "notification.issue.autoEscalated");
        return true;
    }

    private String autoReason() {
        long hours = settings.autoAfter().toHours();
        return "overdue > " + (hours % 24 == 0 ? hours / 24 + "d" : hours + "h");
    }

    // ---- reading ----

    /** The issue's place in the chain (404 when the user may not see the issue). */
    @PreAuthorize("isAuthenticated()")
    public IssueChain chain(long id) {
        CurrentUser user = currentUsers.require();
        Issue issue = issues.load(id, user);
        return chains.read(issue, issues.actor(user, issue.getGridId()), accounts.departments(), issues.now());
    }

    static Instant ts(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
