package org.gridwork.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gridwork.database.require-app-role: refuse to start when the application's connection owns the
 * tables or is a superuser (on in {@code prod}; otherwise a warning). The connection settings
 * themselves ({@code .name}, {@code .host}, {@code .port}, {@code .app-username}...) are read by
 * {@link DatabaseEnvironmentPostProcessor}, before any bean exists.
 */
@ConfigurationProperties("gridwork.database")
record DatabaseSettings(@DefaultValue("false") boolean requireAppRole) {
}
