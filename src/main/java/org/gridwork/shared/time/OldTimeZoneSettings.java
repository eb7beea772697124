package org.gridwork.shared.time;

import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Until one setting replaced them, three modules each had a time-zone setting; a deployment that
 * still sets one of them gets it as {@code gridwork.time-zone} (the new name wins when both are set).
 */
public class OldTimeZoneSettings implements EnvironmentPostProcessor, Ordered {

    static final String NEW_NAME = "gridwork.time-zone";
    static final List<String> OLD_NAMES = List.of("gridwork.calendar.zone", "gridwork.task.time-zone",
            "gridwork.dashboard.time-zone");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty(NEW_NAME))) {
            return;
        }
        for (String old : OLD_NAMES) {
            String value = env.getProperty(old);
            if (StringUtils.hasText(value)) {
                env.getPropertySources().addLast(new MapPropertySource("gridworkOldTimeZone", Map.of(NEW_NAME, value)));
                return;
            }
        }
    }
}
