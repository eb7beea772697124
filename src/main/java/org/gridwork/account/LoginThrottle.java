package org.gridwork.account;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins: 5 in a row lock the account for 15 minutes (the count lives on the user
 * row, so every instance sees it), and too many failures from one address within the window
 * block that address whatever user name it tries. Neither tells the caller which user names exist.
 */
@Component
class LoginThrottle {

    private final AppUserRepository users;
    private final JdbcTemplate jdbc;
    private final LoginSettings settings;

    LoginThrottle(AppUserRepository users, JdbcTemplate jdbc, LoginSettings settings) {
        this.users = users;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Records a failure; true when it just locked the account. Own transaction: the login failed anyway. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(String username, String address) {
        if (address != null) {
            jdbc.update("insert into login_failure (address) values (?)", address);
        }
        if (username == null) {
            return false;
        }
        return users.findByUsernameIgnoreCase(username)
                .map(u -> u.recordFailedLogin(settings.maxFailures(), Instant.now(), settings.lockDuration()))
                .orElse(false);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(long userId) {
        users.findById(userId).ifPresent(AppUser::recordSuccessfulLogin);
    }

    /** The password was right; with a second factor the count only resets once the code is right too. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordPasswordSuccess(long userId) {
        users.findById(userId).filter(u -> !u.isTotpEnabled()).ifPresent(AppUser::recordSuccessfulLogin);
    }

    @Transactional(readOnly = true)
    public boolean addressBlocked(String address) {
        if (address == null) {
            return false;
        }
        Integer failures = jdbc.queryForObject(
                "select count(*) from login_failure where address = ? and occurred_at > now() - make_interval(secs => ?)",
                Integer.class, address, settings.addressWindow().toSeconds());
        return failures != null && failures >= settings.addressMaxFailures();
    }

    /** Forgets address failures older than the window (called by the scheduled clean-up). */
    @Transactional
    public int purgeOldAddressFailures() {
        return jdbc.update("delete from login_failure where occurred_at < now() - make_interval(secs => ?)",
                settings.addressWindow().toSeconds() * 2);
    }
}
