package org.gridwork.care;

import java.time.LocalDate;

/** A care plan (关爱帮扶) as screens show it. */
public record CarePlanView(long id, long residentId, long gridId, String tagCode, Long responsibleUserId,
        int intervalDays, LocalDate nextDue, LocalDate lastVisitOn, String helpKind, String notes, boolean open) {

    public boolean overdue() {
        return open && nextDue.isBefore(LocalDate.now());
    }

    public boolean dueToday() {
        return open && nextDue.isEqual(LocalDate.now());
    }
}
