package org.gridwork.shared.time;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAdjusters;

import org.springframework.stereotype.Component;

/**
 * Business time (Beijing time unless {@code gridwork.time-zone} says otherwise) read from the one
 * {@link Clock} bean, whatever zone the JVM runs in: every "today", "now", month and week
 * boundary and every date and time shown, notified or exported goes through here. Instants are
 * stored in UTC; they become local only at these edges. Templates use it as {@code @businessTime}.
 */
@Component("businessTime")
public class BusinessTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;
    private final ZoneId zone;

    public BusinessTime(Clock clock, BusinessTimeSettings settings) {
        this.clock = clock;
        this.zone = settings.timeZone();
    }

    /** For code (and tests) that needs no Spring context. */
    public static BusinessTime of(Clock clock, ZoneId zone) {
        return new BusinessTime(clock, new BusinessTimeSettings(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The clock in the business zone (for APIs that take a Clock). */
    public Clock clock() {
        return clock.withZone(zone);
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public LocalDateTime localNow() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    public YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** Monday of the week holding {@code day} (weeks of the figures start on Monday). */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first instant of a business day. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant of a month. */
    public Instant startOf(YearMonth month) {
        return startOf(month.atDay(1));
    }

    /** The first instant after a month. */
    public Instant endOf(YearMonth month) {
        return startOf(month.plusMonths(1).atDay(1));
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(zone);
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** {@code yyyy-MM-dd HH:mm} in business time; empty for null. Dates print as {@code yyyy-MM-dd}. */
    public String minutes(TemporalAccessor t) {
        return format(t, MINUTES);
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in business time (audit trail); empty for null. */
    public String seconds(TemporalAccessor t) {
        return format(t, SECONDS);
    }

    /** {@code MM-dd HH:mm} in business time; empty for null. */
    public String shortly(TemporalAccessor t) {
        return format(t, SHORT);
    }

    /** {@code yyyy-MM-dd} of the business day; empty for null. */
    public String day(TemporalAccessor t) {
        return format(t, DAY);
    }

    private String format(TemporalAccessor t, DateTimeFormatter f) {
        if (t == null) {
            return "";
        }
        if (t instanceof Instant i) {
            return f.format(i.atZone(zone));
        }
        if (t instanceof java.time.OffsetDateTime o) {
            return f.format(o.atZoneSameInstant(zone));
        }
        if (t instanceof ZonedDateTime z) {
            return f.format(z.withZoneSameInstant(zone));
        }
        if (t instanceof LocalDate d && f != DAY) {
            return DAY.format(d);
        }
        return f.format(t);
    }
}
