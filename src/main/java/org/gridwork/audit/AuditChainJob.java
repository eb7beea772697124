package org.gridwork.audit;

import org.gridwork.shared.security.SystemPrincipal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly: verifies the audit trail's keyed hash chain, on one instance (ShedLock); a break alerts the admins. */
@Component
class AuditChainJob {

    private final AuditService audit;

    AuditChainJob(AuditService audit) {
        this.audit = audit;
    }

    @Scheduled(cron = "${gridwork.audit.verify-cron:0 40 * * * *}", zone = "UTC")
    @SchedulerLock(name = "audit-chain-verify", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void verify() {
        SystemPrincipal.run("audit chain check", audit::checkChain);
    }
}
