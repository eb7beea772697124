package org.gridwork.calendar;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.gridwork.calendar.BusinessCalendar.DayKind;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.cache.Caches;
import org.gridwork.shared.cache.GridworkCache;
import org.gridwork.shared.text.TextLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business calendar used for every time limit (issues, tasks): read by everyone, edited by
 * admins. The built calendar is cached ({@link GridworkCache#BUSINESS_CALENDAR}): dropped by a change
 * here, and by its lifetime for changes made on another instance.
 */
@Service
@Transactional(readOnly = true)
public class CalendarService {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;
    private final org.springframework.cache.Cache cached;

    CalendarService(JdbcTemplate jdbc, ApplicationEventPublisher events,
            org.gridwork.shared.time.BusinessTime time, Caches caches) {
        this.cached = caches.of(GridworkCache.BUSINESS_CALENDAR);
        this.jdbc = jdbc;
        this.events = events;
        this.zone = time.zone();
    }

    /** The calendar in force. */
    public BusinessCalendar calendar() {
        return Caches.get(cached, "calendar", () -> {
            CalendarSettings s = settings();
            Map<LocalDate, DayKind> exceptions = new HashMap<>();
            for (SpecialDay d : specialDays()) {
                exceptions.put(d.day(), d.kind());
            }
            return new BusinessCalendar(BusinessCalendar.parsePeriods(s.workingHours()), s.weekend(), exceptions, zone);
        });
    }

    public CalendarSettings settings() {
        return jdbc.queryForObject("select working_hours, weekend_days from business_calendar_settings where id = 1",
                (rs, n) -> new CalendarSettings(rs.getString(1), parseWeekend(rs.getString(2))));
    }

    /** Holidays and make-up working days, by date. */
    public List<SpecialDay> specialDays() {
        return jdbc.query("select day, kind, name from business_calendar_day order by day",
                (rs, n) -> new SpecialDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3)));
    }

    /** Changes working hours and weekend days; refuses periods that cannot be read or overlap. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void updateSettings(String workingHours, Set<DayOfWeek> weekend) {
        List<BusinessCalendar.Period> periods;
        try {
            periods = BusinessCalendar.parsePeriods(workingHours == null ? "" : workingHours);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BusinessRuleException("calendar.error.workingHours");
        }
        if (weekend.size() >= 7) {
            throw new BusinessRuleException("calendar.error.noWorkingDay");
        }
        String normalized = periods.stream().map(BusinessCalendar.Period::toString).collect(Collectors.joining(","));
        TextLimits.require(normalized, 100); // business_calendar_settings.working_hours
        String days = weekend.stream().map(d -> String.valueOf(d.getValue())).sorted().collect(Collectors.joining(","));
        jdbc.update("update business_calendar_settings set working_hours = ?, weekend_days = ?, version = version + 1 where id = 1",
                normalized, days);
        events.publishEvent(AuditEvent.of("CALENDAR_SETTINGS_CHANGED", "CALENDAR", 1, normalized + " weekend " + days));
        Caches.forgetNowAndAfterCommit(cached);
    }

    /** Adds or replaces a holiday or make-up working day. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void saveDay(LocalDate day, DayKind kind, String name) {
        if (day == null || kind == null || name == null || name.isBlank()) {
            throw new BusinessRuleException("calendar.error.day");
        }
        TextLimits.require(name.strip(), 100); // business_calendar_day.name
        jdbc.update("insert into business_calendar_day(day, kind, name) values (?, ?, ?)"
                + " on conflict (day) do update set kind = excluded.kind, name = excluded.name", day, kind.name(), name.strip());
        events.publishEvent(AuditEvent.of("CALENDAR_DAY_SAVED", "CALENDAR", day, kind + " " + name));
        Caches.forgetNowAndAfterCommit(cached);
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void removeDay(LocalDate day) {
        jdbc.update("delete from business_calendar_day where day = ?", day);
        events.publishEvent(AuditEvent.of("CALENDAR_DAY_REMOVED", "CALENDAR", day, null));
        Caches.forgetNowAndAfterCommit(cached);
    }

    private static Set<DayOfWeek> parseWeekend(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).map(Integer::parseInt).map(DayOfWeek::of)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public record CalendarSettings(String workingHours, Set<DayOfWeek> weekend) {
    }

    public record SpecialDay(LocalDate day, DayKind kind, String name) {
    }
}
