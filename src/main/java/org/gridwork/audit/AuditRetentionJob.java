package org.gridwork.audit;

import org.gridwork.shared.security.SystemPrincipal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly: removes audit rows past the retention period, on one instance only (ShedLock). */
@Component
class AuditRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(AuditRetentionJob.class);

    private final AuditService audit;

    AuditRetentionJob(AuditService audit) {
        this.audit = audit;
    }

    @Scheduled(cron = "${gridwork.audit.purge-cron:0 30 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "audit-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void purge() {
        int removed = SystemPrincipal.call("audit retention", audit::purgeExpired);
        if (removed > 0) {
            log.info("Removed {} audit rows older than {} days.", removed, audit.retentionDays());
        }
    }
}
