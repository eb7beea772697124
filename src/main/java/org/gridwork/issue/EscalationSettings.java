package org.gridwork.issue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Up the chain (issue 21), {@code gridwork.escalation.*}.
 *
 * @param autoAfter       how long an issue may stay overdue at the town before the system escalates
 *                        it to the county centre by itself
 * @param autoEnabled     whether the scheduled job escalates at all (the tests call it directly)
 * @param checkInterval   how often the job looks
 * @param whistleMinutes  working minutes a county department has to report (报到) after a whistle
 * @param countyLimitDays the county's default handling limit in working days
 */
@ConfigurationProperties("gridwork.escalation")
public record EscalationSettings(@DefaultValue("P3D") Duration autoAfter, @DefaultValue("true") boolean autoEnabled,
        @DefaultValue("PT5M") Duration checkInterval, @DefaultValue("30") int whistleMinutes,
        @DefaultValue("5") int countyLimitDays) {
}
