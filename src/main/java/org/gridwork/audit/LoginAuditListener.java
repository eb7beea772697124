package org.gridwork.audit;

import org.gridwork.shared.audit.AuditEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Logins, failed logins (with the name that was tried and why) and logouts. */
@Component
class LoginAuditListener {

    private final AuditService audit;

    LoginAuditListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        audit.record(new AuditEvent("LOGIN", "USER", null, true, null), null, event.getAuthentication().getName(),
                address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        audit.record(new AuditEvent("LOGIN_FAILED", "USER", null, false, event.getException().getClass().getSimpleName()),
                null, event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        audit.record(new AuditEvent("LOGOUT", "USER", null, true, null), null, event.getAuthentication().getName(),
                address(event.getAuthentication().getDetails()));
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : AuditRecorder.currentAddress();
    }
}
