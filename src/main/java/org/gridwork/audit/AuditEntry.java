package org.gridwork.audit;

import java.time.Instant;

/** One row of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, Long actorId, String actorName, String address, String action,
                         String targetType, String targetId, boolean success, String details) {
}
