package org.gridwork.shared.time;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one business time zone ({@code gridwork.time-zone}, Beijing time by default): "today",
 * due and overdue, months and weeks of figures and every date and time shown or exported. The
 * older {@code gridwork.calendar.zone}, {@code gridwork.task.time-zone} and
 * {@code gridwork.dashboard.time-zone} are read as this one ({@link OldTimeZoneSettings}).
 */
@ConfigurationProperties("gridwork")
public record BusinessTimeSettings(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
