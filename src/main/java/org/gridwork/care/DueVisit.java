package org.gridwork.care;

import java.time.LocalDate;
import java.util.List;

/** A resident owed a visit: their earliest due date over all open care plans, and the tags behind it. */
public record DueVisit(long residentId, long gridId, LocalDate due, List<String> tags) {

    public boolean overdue() {
        return due.isBefore(LocalDate.now());
    }

    public long daysOverdue() {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, LocalDate.now()));
    }
}
