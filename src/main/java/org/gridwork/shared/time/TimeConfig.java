package org.gridwork.shared.time;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one clock, UTC: the only place allowed to read the system clock directly
 * ({@code NoSystemClockTest}). Tests put a settable clock in front of it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusinessTimeSettings.class)
class TimeConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
