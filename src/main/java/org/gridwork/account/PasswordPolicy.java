package org.gridwork.account;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B style: long enough, not a known common password, not the user name; no
 * composition rules (they make passwords harder to remember, not harder to guess).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final CommonPasswords common;

    PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    /** The message key of the first rule the password breaks, or empty when it is acceptable. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("account.password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("account.password.tooLong");
        }
        if (common.contains(password)) {
            return Optional.of("account.password.common");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("account.password.containsUsername");
        }
        return Optional.empty();
    }
}
