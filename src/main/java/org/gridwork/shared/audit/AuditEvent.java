package org.gridwork.shared.audit;

/**
 * Something the audit trail must record, published by any module with
 * {@code ApplicationEventPublisher}; the audit module stores it with who, when and from where.
 *
 * @param action     what happened, e.g. {@code RESIDENT_ID_VIEWED}, {@code ISSUE_DISPATCHED}, {@code EXPORT}
 * @param targetType the kind of record, e.g. {@code RESIDENT}
 * @param targetId   its id (as text), may be null
 * @param success    whether it succeeded (refusals are recorded too)
 * @param details    a short free text (no personal data such as full ID numbers)
 */
public record AuditEvent(String action, String targetType, String targetId, boolean success, String details) {

    public static AuditEvent of(String action, String targetType, Object targetId, String details) {
        return new AuditEvent(action, targetType, targetId == null ? null : targetId.toString(), true, details);
    }
}
