package org.gridwork.issue;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates to the county centre, by itself, an issue overdue at the town for longer than
 * {@code gridwork.escalation.auto-after}, telling the supervisors of both levels. One instance at
 * a time (ShedLock); each issue in its own transaction and checked again there, so a user who
 * acts meanwhile wins and a second run finds nothing left. A batch per run keeps a backlog (a
 * county's first run) from holding the lock for long.
 */
@Component
class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);
    static final int BATCH = 200;

    private final Escalations escalations;
    private final EscalationSettings settings;
    private final org.gridwork.shared.time.BusinessTime time;

    EscalationJob(Escalations escalations, EscalationSettings settings, org.gridwork.shared.time.BusinessTime time) {
        this.escalations = escalations;
        this.settings = settings;
        this.time = time;
    }

    @Scheduled(fixedDelayString = "${gridwork.escalation.check-interval:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "issue-auto-escalation", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void scheduled() {
        if (settings.autoEnabled()) {
            run();
        }
    }

    int run() {
        List<Long> due = escalations.overdueAtTown(time.now(), BATCH);
        int n = 0;
        for (Long id : due) {
            try {
                n += escalations.escalateAutomatically(id) ? 1 : 0;
            } catch (RuntimeException e) {
                // someone acted on it at the same moment: the next run looks again
                log.info("issue {} not escalated automatically: {}", id, e.getMessage());
            }
        }
        if (n > 0) {
            log.info("issues escalated to the county automatically: {}", n);
        }
        return n;
    }
}
