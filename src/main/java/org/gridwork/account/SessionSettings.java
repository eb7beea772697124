package org.gridwork.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** gridwork.session.*: how long a session lasts at most, even when in use (idle: server.servlet.session.timeout). */
@Validated
@ConfigurationProperties("gridwork.session")
record SessionSettings(@NotNull @DefaultValue("12h") Duration absoluteTimeout) {
}
