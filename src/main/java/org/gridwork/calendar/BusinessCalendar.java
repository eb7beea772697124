package org.gridwork.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working time (工作时间): the working periods of a working day, the weekend days, and the dates
 * that break the weekly pattern (public holidays off, make-up working days 调休 on). Time limits
 * are counted in working minutes only: a limit running over a night, a weekend or a holiday
 * resumes at the next working period. Immutable; the {@link CalendarService} builds the current one.
 */
public final class BusinessCalendar {

    /** Guard against a calendar without any working day (would loop for ever). */
    private static final int MAX_DAYS = 3660;

    private final List<Period> periods;
    private final Set<DayOfWeek> weekend;
    private final Map<LocalDate, DayKind> exceptions;
    private final ZoneId zone;

    public BusinessCalendar(List<Period> periods, Set<DayOfWeek> weekend, Map<LocalDate, DayKind> exceptions, ZoneId zone) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a working day needs at least one working period");
        }
        this.periods = periods.stream().sorted((a, b) -> a.start().compareTo(b.start())).toList();
        this.weekend = Set.copyOf(weekend);
        this.exceptions = Map.copyOf(exceptions);
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return !weekend.contains(day.getDayOfWeek());
    }

    /** Working minutes in one working day (e.g. 420 for 08:30-12:00 and 14:00-17:30). */
    public long minutesPerDay() {
        return periods.stream().mapToLong(Period::minutes).sum();
    }

    /**
     * The instant when {@code minutes} of working time have passed after {@code start}. A limit that
     * ends exactly at the end of a period ends there (12:00), not at the start of the next (14:00).
     */
    public Instant addWorkingMinutes(Instant start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("negative working time");
        }
        if (minutes == 0) {
            return start;
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
        long remaining = minutes;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate().plusDays(i);
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period p : periods) {
                LocalDateTime from = day.atTime(p.start());
                LocalDateTime to = day.atTime(p.end());
                if (i == 0 && cursor.isAfter(from)) {
                    from = cursor;
                }
                if (!from.isBefore(to)) {
                    continue;
                }
                long available = java.time.Duration.between(from, to).toMinutes();
                if (remaining <= available) {
                    return ZonedDateTime.of(from.plusMinutes(remaining), zone).toInstant();
                }
                remaining -= available;
            }
        }
        throw new IllegalStateException("no working day within ten years: check the business calendar");
    }

    /** Working minutes between two instants (0 when {@code to} is not after {@code from}). */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, zone);
        LocalDateTime b = LocalDateTime.ofInstant(to, zone);
        long total = 0;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period p : periods) {
                LocalDateTime s = max(day.atTime(p.start()), a);
                LocalDateTime e = min(day.atTime(p.end()), b);
                if (s.isBefore(e)) {
                    total += java.time.Duration.between(s, e).toMinutes();
                }
            }
        }
        return total;
    }

    private static LocalDateTime max(LocalDateTime x, LocalDateTime y) {
        return x.isAfter(y) ? x : y;
    }

    private static LocalDateTime min(LocalDateTime x, LocalDateTime y) {
        return x.isBefore(y) ? x : y;
    }

    /**
     * Parses working periods written as {@code 08:30-12:00,14:00-17:30}; refuses overlapping or
     * empty periods with an {@link IllegalArgumentException}.
     */
    public static List<Period> parsePeriods(String text) {
        List<Period> result = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException(part);
            }
            Period p = new Period(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
            if (!p.start().isBefore(p.end())) {
                throw new IllegalArgumentException(part);
            }
            result.add(p);
        }
        result.sort((x, y) -> x.start().compareTo(y.start()));
        for (int i = 1; i < result.size(); i++) {
            if (result.get(i).start().isBefore(result.get(i - 1).end())) {
                throw new IllegalArgumentException(text);
            }
        }
        return result;
    }

    /** One working period of a day, e.g. 08:30 to 12:00. */
    public record Period(LocalTime start, LocalTime end) {

        long minutes() {
            return java.time.Duration.between(start, end).toMinutes();
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** A date that breaks the weekly pattern. */
    public enum DayKind {
        /** 法定节假日: no work although a weekday. */
        HOLIDAY,
        /** 调休上班: work although a weekend day. */
        WORKDAY
    }
}
