package org.gridwork.resident;

import org.gridwork.shared.security.SystemPrincipal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly: import previews (ID and phone numbers, encrypted) live a day at most; on one instance (ShedLock). */
@Component
class ImportPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(ImportPurgeJob.class);

    private final ResidentTransferService transfer;

    ImportPurgeJob(ResidentTransferService transfer) {
        this.transfer = transfer;
    }

    @Scheduled(cron = "${gridwork.residents.import-purge-cron:0 17 * * * *}", zone = "UTC")
    @SchedulerLock(name = "resident-import-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void purge() {
        int removed = SystemPrincipal.call("import preview purge", transfer::purgeStalePreviews);
        if (removed > 0) {
            log.info("Removed {} resident import previews older than a day.", removed);
        }
    }
}
