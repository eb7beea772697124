package org.gridwork.care;

import java.time.LocalDate;

/** A care plan (关爱帮扶) as screens show it; "today" is the business day ({@code BusinessTime}). */
public record CarePlanView(long id, long residentId, long gridId, String tagCode, Long responsibleUserId,
        int intervalDays, LocalDate nextDue, LocalDate lastVisitOn, String helpKind, String notes, boolean open) {

    public boolean overdue(LocalDate today) {
        return open && nextDue.isBefore(today);
    }

    public boolean dueToday(LocalDate today) {
        return open && nextDue.isEqual(today);
    }
}
