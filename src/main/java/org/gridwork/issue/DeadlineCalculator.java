package org.gridwork.issue;

import java.time.Duration;
import java.time.Instant;

import org.gridwork.calendar.BusinessCalendar;
import org.gridwork.calendar.CalendarService;
import org.springframework.stereotype.Component;

/**
 * Handling deadlines from a category's limit. Limits run in working time (a working day is the
 * calendar's working minutes per day); emergency categories run round the clock, because a gas
 * leak does not wait for Monday.
 */
@Component
class DeadlineCalculator {

    private final CalendarService calendars;

    DeadlineCalculator(CalendarService calendars) {
        this.calendars = calendars;
    }

    Deadlines from(Instant start, CategorySummary category) {
        BusinessCalendar calendar = calendars.calendar();
        if (category.emergency()) {
            long minutes = category.limitUnit() == LimitUnit.HOURS ? category.limitAmount() * 60L
                    : category.limitAmount() * 24L * 60L;
            return new Deadlines(start.plus(Duration.ofMinutes(minutes)), start.plus(Duration.ofMinutes(minutes / 2)),
                    start.plus(Duration.ofMinutes(minutes * 8 / 10)));
        }
        long minutes = category.limitUnit() == LimitUnit.HOURS ? category.limitAmount() * 60L
                : category.limitAmount() * calendar.minutesPerDay();
        return new Deadlines(calendar.addWorkingMinutes(start, minutes), calendar.addWorkingMinutes(start, minutes / 2),
                calendar.addWorkingMinutes(start, minutes * 8 / 10));
    }

    /** The county's own limit (issue 21): a number of working days from the start. */
    Deadlines workingDays(Instant start, int days) {
        BusinessCalendar calendar = calendars.calendar();
        long minutes = (long) days * calendar.minutesPerDay();
        return new Deadlines(calendar.addWorkingMinutes(start, minutes), calendar.addWorkingMinutes(start, minutes / 2),
                calendar.addWorkingMinutes(start, minutes * 8 / 10));
    }

    /** A number of working minutes from the start: a whistle's time to report (吹哨报到). */
    Instant workingMinutes(Instant start, int minutes) {
        return calendars.calendar().addWorkingMinutes(start, minutes);
    }

    /** An extension: the same start, a new deadline; warnings at 50 % and 80 % of the new span. */
    Deadlines extended(Instant start, Instant newDeadline, boolean emergency) {
        if (emergency) {
            long minutes = Duration.between(start, newDeadline).toMinutes();
            return new Deadlines(newDeadline, start.plus(Duration.ofMinutes(minutes / 2)),
                    start.plus(Duration.ofMinutes(minutes * 8 / 10)));
        }
        BusinessCalendar calendar = calendars.calendar();
        long minutes = calendar.workingMinutesBetween(start, newDeadline);
        return new Deadlines(newDeadline, calendar.addWorkingMinutes(start, minutes / 2),
                calendar.addWorkingMinutes(start, minutes * 8 / 10));
    }
}
