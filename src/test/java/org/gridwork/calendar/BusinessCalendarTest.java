package org.gridwork.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.gridwork.calendar.BusinessCalendar.DayKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked vectors. Working periods 08:30-12:00 and 14:00-17:30 (420 minutes a day), weekend
 * Saturday and Sunday, Wednesday 2026-12-02 a holiday, Saturday 2026-12-05 a make-up working day.
 * 2026-11-27 is a Friday.
 */
class BusinessCalendarTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final BusinessCalendar CALENDAR = new BusinessCalendar(
            BusinessCalendar.parsePeriods("08:30-12:00,14:00-17:30"),
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Map.of(LocalDate.parse("2026-12-02"), DayKind.HOLIDAY, LocalDate.parse("2026-12-05"), DayKind.WORKDAY),
            CHINA);

    @ParameterizedTest(name = "{0} + {1} min = {2} ({3})")
    @CsvSource({
            // Friday 16:00: 90 min left that day, the weekend skipped, 150 more from Monday 08:30
            "2026-11-27T16:00, 240, 2026-11-30T11:00, over a weekend",
            "2026-11-30T11:00, 120, 2026-11-30T15:00, over the lunch break",
            "2026-12-01T20:00, 60, 2026-12-03T09:30, a night then a holiday Wednesday",
            "2026-12-01T17:00, 60, 2026-12-03T09:00, end of day then the holiday",
            "2026-12-04T17:00, 60, 2026-12-05T09:00, into the make-up Saturday",
            "2026-12-05T17:00, 60, 2026-12-07T09:00, make-up Saturday then Sunday off",
            // two working days (840 min) from Friday 10:00: 330 Friday, 420 Monday, 90 Tuesday
            "2026-11-27T10:00, 840, 2026-12-01T10:00, two working days",
            "2026-11-30T08:30, 210, 2026-11-30T12:00, ends at the end of a period",
            "2026-11-30T12:30, 30, 2026-11-30T14:30, starts in the lunch break",
            "2026-11-28T09:00, 30, 2026-11-30T09:00, starts on a Saturday",
            "2026-11-30T07:00, 1, 2026-11-30T08:31, starts before work",
            "2026-11-30T09:00, 0, 2026-11-30T09:00, nothing to add",
    })
    void addsWorkingMinutes(String start, long minutes, String expected, String why) {
        assertThat(CALENDAR.addWorkingMinutes(at(start), minutes)).as(why).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "{0} .. {1} = {2} min")
    @CsvSource({
            "2026-11-27T16:00, 2026-11-30T11:00, 240",
            "2026-12-01T17:00, 2026-12-03T09:00, 60",
            "2026-12-04T17:00, 2026-12-05T09:00, 60",
            "2026-11-30T12:10, 2026-11-30T13:50, 0",
            "2026-11-30T11:00, 2026-11-30T10:00, 0",
            "2026-11-27T10:00, 2026-12-01T10:00, 840",
    })
    void countsWorkingMinutesBetween(String from, String to, long expected) {
        assertThat(CALENDAR.workingMinutesBetween(at(from), at(to))).isEqualTo(expected);
    }

    @Test
    void holidaysAndMakeUpDaysOverrideTheWeek() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-12-02"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-12-05"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-12-06"))).isFalse();
        assertThat(CALENDAR.minutesPerDay()).isEqualTo(420);
    }

    @Test
    void refusesOverlappingPeriods() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BusinessCalendar.parsePeriods("08:00-12:00,11:00-13:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CHINA).toInstant();
    }
}
