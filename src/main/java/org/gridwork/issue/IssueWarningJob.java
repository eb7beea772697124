package org.gridwork.issue;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Flags issues being handled at 50 % and 80 % of their time limit and overdue at 100 %, notifying
 * the assignee once per level. Idempotent: each update raises {@code warning_level} only where it
 * is still lower, so a second run finds nothing left to do. It writes no version, so it never makes
 * a user's open form stale. Scheduled runs go under ShedLock, so of several instances one runs it.
 */
@Component
class IssueWarningJob {

    private static final Logger log = LoggerFactory.getLogger(IssueWarningJob.class);

    private final JdbcTemplate jdbc;
    private final IssueNotifier notifier;
    private final TransactionTemplate tx;

    IssueWarningJob(JdbcTemplate jdbc, IssueNotifier notifier, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.tx = tx;
    }

    /** Once across instances: skipped while another holds the lock (and for 15 s after it ran). */
    @Scheduled(fixedDelayString = "${gridwork.issues.warning-interval:PT1M}", initialDelayString = "PT20S")
    @SchedulerLock(name = "issue-time-limits", lockAtMostFor = "PT10M", lockAtLeastFor = "PT15S")
    void scheduled() {
        run();
    }

    /** One pass, in one transaction; returns how many warnings it raised. */
    public int run() {
        Integer raised = tx.execute(status -> {
            int n = raise(100, "deadline", "OVERDUE", "notification.issue.overdue", ", overdue = true");
            n += raise(80, "warn80_at", "WARNING_80", "notification.issue.warning80", "");
            n += raise(50, "warn50_at", "WARNING_50", "notification.issue.warning50", "");
            return n;
        });
        int n = raised == null ? 0 : raised;
        if (n > 0) {
            log.info("issue time limits: {} warnings raised", n);
        }
        return n;
    }

    private int raise(int level, String column, String action, String messageKey, String extraSet) {
        List<Flagged> flagged = jdbc.query("update issue set warning_level = ?" + extraSet
                + " where status in ('DISPATCHED', 'IN_PROGRESS') and " + column + " <= now() and warning_level < ?"
                + " returning id, status, assignee_user_id, assignee_department_id",
                (rs, i) -> new Flagged(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), (Long) rs.getObject(4)),
                level, level);
        for (Flagged f : flagged) {
            jdbc.update("insert into issue_event(issue_id, at, actor_id, actor_name, action, from_status, to_status)"
                    + " values (?, now(), null, 'system', ?, ?, ?)", f.id(), action, f.status(), f.status());
            notifier.assignees(f.assignee(), f.department(), f.id(), messageKey);
        }
        return flagged.size();
    }

    private record Flagged(long id, String status, Long assignee, Long department) {
    }
}
