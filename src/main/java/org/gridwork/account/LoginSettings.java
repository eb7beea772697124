package org.gridwork.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** gridwork.login.*: how many failed logins lock an account, for how long, and the per-address limit. */
@ConfigurationProperties("gridwork.login")
record LoginSettings(int maxFailures, Duration lockDuration, int addressMaxFailures, Duration addressWindow) {

    LoginSettings {
        maxFailures = maxFailures <= 0 ? 5 : maxFailures;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        addressMaxFailures = addressMaxFailures <= 0 ? 30 : addressMaxFailures;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
    }
}
