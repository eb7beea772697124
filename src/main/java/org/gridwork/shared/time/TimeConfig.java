package org.gridwork.shared.time;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one clock, in the business zone (Beijing time by default), so that even code
 * that asks the clock for a local date gets Beijing's: the only place allowed to read the system
 * clock directly ({@code NoSystemClockTest}). Tests put a settable clock in front of it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusinessTimeSettings.class)
class TimeConfig {

    @Bean
    Clock clock(BusinessTimeSettings settings) {
        return Clock.system(settings.timeZone());
    }
}
