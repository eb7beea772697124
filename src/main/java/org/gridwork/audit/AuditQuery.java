package org.gridwork.audit;

import java.time.LocalDate;

/** Filters of the audit screen and export; null or blank means "any". Dates are UTC days, inclusive. */
public record AuditQuery(LocalDate from, LocalDate to, String actor, String action, String targetType,
                         String targetId, Boolean success, String address) {

    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }
}
