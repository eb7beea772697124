package org.gridwork.account;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets old per-address login failures, on one instance only. */
@Component
class AccountMaintenanceJob {

    private final LoginThrottle throttle;

    AccountMaintenanceJob(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT5M")
    @SchedulerLock(name = "login-failure-purge", lockAtMostFor = "PT10M")
    void purgeLoginFailures() {
        throttle.purgeOldAddressFailures();
    }
}
