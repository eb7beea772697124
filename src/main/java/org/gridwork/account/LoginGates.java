package org.gridwork.account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Works out which gate a user still has to pass after the password (and after each gate). */
@Component
public class LoginGates {

    private final AppUserRepository users;

    LoginGates(AppUserRepository users) {
        this.users = users;
    }

    /** The first gate at or after {@code after} (null: from the start) that applies to the user. */
    @Transactional(readOnly = true)
    public LoginGate next(long userId, LoginGate after) {
        AppUser user = users.findById(userId).orElseThrow();
        int from = after == null ? 0 : after.ordinal() + 1;
        for (LoginGate gate : LoginGate.values()) {
            if (gate.ordinal() >= from && applies(gate, user)) {
                return gate;
            }
        }
        return null;
    }

    private static boolean applies(LoginGate gate, AppUser user) {
        return switch (gate) {
            case SECOND_FACTOR -> user.isTotpEnabled();
            case CHANGE_PASSWORD -> user.isMustChangePassword();
            case ENROL_SECOND_FACTOR -> user.isTotpRequired() && !user.isTotpEnabled();
        };
    }
}
