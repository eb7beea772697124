package org.gridwork.care;

import java.time.LocalDate;
import java.util.List;

/**
 * A resident owed a visit: their earliest due date over all open care plans, and the tags behind
 * it. Overdue (the one rule, see {@link CoverageCounts}): due before today, in business time.
 */
public record DueVisit(long residentId, long gridId, LocalDate due, List<String> tags) {

    public boolean overdue(LocalDate today) {
        return due.isBefore(today);
    }

    public long daysOverdue(LocalDate today) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, today));
    }
}
