package org.gridwork.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gridwork.login.*: how many failed logins lock an account, for how long, the per-address limit,
 * and how long a temporary password set by an admin still logs in.
 */
@ConfigurationProperties("gridwork.login")
record LoginSettings(int maxFailures, Duration lockDuration, int addressMaxFailures, Duration addressWindow,
        Duration temporaryPasswordValidity) {

    LoginSettings {
        maxFailures = maxFailures <= 0 ? 5 : maxFailures;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        addressMaxFailures = addressMaxFailures <= 0 ? 30 : addressMaxFailures;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
        temporaryPasswordValidity = temporaryPasswordValidity == null ? Duration.ofDays(7) : temporaryPasswordValidity;
    }
}
