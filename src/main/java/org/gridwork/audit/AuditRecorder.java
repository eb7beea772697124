package org.gridwork.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.audit.AuditEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records the {@link AuditEvent}s every module publishes, with who (from the security context)
 * and from which address (from the request), in the publisher's thread. Work in a writing
 * transaction is recorded in that transaction as it commits; work that rolls back is recorded as
 * failed in a transaction of its own.
 */
@Component
class AuditRecorder {

    private final AuditService audit;
    private final CurrentUsers currentUsers;

    AuditRecorder(AuditService audit, CurrentUsers currentUsers) {
        this.audit = audit;
        this.currentUsers = currentUsers;
    }

    /** Work done in a writing transaction is recorded in it, just before it commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void committing(AuditEvent event) {
        if (writing()) {
            Actor actor = actor(null);
            audit.recordWithin(event, actor.id(), actor.name(), currentAddress());
        }
    }

    /**
     * Work done outside a transaction, or in a read-only one, is recorded afterwards in a
     * transaction of its own. Decided when the event is published, not after the commit: after-commit
     * listeners that open transactions of their own (re-placing homes after a boundary change)
     * leave the commit looking non-writing, which wrote every boundary save twice (issue 15). Not
     * an after-commit {@code @TransactionalEventListener}: those go through the event publication
     * registry, which cannot write in a read-only transaction, and the audit row needs no
     * resubmission (issue 17).
     */
    @EventListener
    void published(AuditEvent event) {
        if (writing()) {
            return; // recorded by committing(), in the transaction
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    recordAs(event, null);
                }
            });
        } else {
            recordAs(event, null);
        }
    }

    private static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void rolledBack(AuditEvent event) {
        recordAs(new AuditEvent(event.action(), event.targetType(), event.targetId(), false,
                event.details() == null ? "rolled back" : event.details() + " (rolled back)"), null);
    }

    /** Records with the current user and request; actorName overrides the user (failed logins). */
    void recordAs(AuditEvent event, String actorName) {
        Actor actor = actor(actorName);
        audit.record(event, actor.id(), actor.name(), currentAddress());
    }

    private record Actor(Long id, String name) {
    }

    private Actor actor(String actorName) {
        if (actorName != null) {
            return new Actor(null, actorName);
        }
        CurrentUser user = currentUsers.current().orElse(null);
        if (user != null) {
            return new Actor(user.id(), user.username());
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return new Actor(null, auth == null ? null : auth.getName());
    }

    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
