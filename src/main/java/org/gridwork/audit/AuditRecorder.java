package org.gridwork.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.audit.AuditEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records the {@link AuditEvent}s every module publishes, with who (from the security context)
 * and from which address (from the request), in the publisher's thread. Inside a transaction it
 * waits for the outcome: committed work is recorded as published, rolled-back work as failed.
 */
@Component
class AuditRecorder {

    private final AuditService audit;
    private final CurrentUsers currentUsers;

    AuditRecorder(AuditService audit, CurrentUsers currentUsers) {
        this.audit = audit;
        this.currentUsers = currentUsers;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(AuditEvent event) {
        recordAs(event, null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void rolledBack(AuditEvent event) {
        recordAs(new AuditEvent(event.action(), event.targetType(), event.targetId(), false,
                event.details() == null ? "rolled back" : event.details() + " (rolled back)"), null);
    }

    /** Records with the current user and request; actorName overrides the user (failed logins). */
    void recordAs(AuditEvent event, String actorName) {
        Long actorId = null;
        String name = actorName;
        if (name == null) {
            CurrentUser user = currentUsers.current().orElse(null);
            if (user != null) {
                actorId = user.id();
                name = user.username();
            } else {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                name = auth == null ? null : auth.getName();
            }
        }
        audit.record(event, actorId, name, currentAddress());
    }

    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
