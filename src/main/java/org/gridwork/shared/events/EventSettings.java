package org.gridwork.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Reactions between modules left incomplete (an instance stopped, or a listener failed) are
 * submitted again once they are {@code resubmitAfter} old, checked every {@code resubmitInterval}
 * and a moment after start-up, by one instance at a time. Long enough that a reaction still
 * running elsewhere is never started twice.
 */
@Validated
@ConfigurationProperties("gridwork.events")
public record EventSettings(@NotNull @DefaultValue("PT5M") Duration resubmitAfter,
        @NotNull @DefaultValue("PT5M") Duration resubmitInterval) {
}
