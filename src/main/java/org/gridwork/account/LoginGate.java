package org.gridwork.account;

import jakarta.servlet.http.HttpSession;

/**
 * What a freshly logged-in user must do before anything else, kept in the session: type a code
 * from their authenticator, change a temporary password, or enrol in two-factor login when an
 * admin requires it. {@link LoginGateFilter} holds every other page back until it is done.
 */
public enum LoginGate {
    SECOND_FACTOR("/login/totp"),
    CHANGE_PASSWORD("/account/password"),
    ENROL_SECOND_FACTOR("/account/totp");

    static final String ATTRIBUTE = "gridwork.loginGate";
    static final String LOGIN_AT = "gridwork.loginAt";

    private final String path;

    LoginGate(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static LoginGate of(HttpSession session) {
        return session == null ? null : (LoginGate) session.getAttribute(ATTRIBUTE);
    }

    /** Clears this gate and sets the next one the user still has to pass (or none). */
    public static void passed(HttpSession session, LoginGate next) {
        if (next == null) {
            session.removeAttribute(ATTRIBUTE);
        } else {
            session.setAttribute(ATTRIBUTE, next);
        }
    }
}
