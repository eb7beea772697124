package org.gridwork.shared.db;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import org.gridwork.shared.MissingSettingException;

/**
 * Least privilege in the database: Flyway migrates as the schema's owner ({@code spring.flyway.user}),
 * the application connects as a role that owns nothing ({@code spring.datasource.username}). The
 * migrations' afterMigrate callback grants that role its rights, so it needs its name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class AppRoleConfig {

    private static final Logger log = LoggerFactory.getLogger(AppRoleConfig.class);

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(Environment env) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("app_role", env.getProperty("spring.datasource.username", ""));
            configuration.placeholders(placeholders);
        };
    }

    /**
     * A connection that owns the tables (or is a superuser) could switch the audit trail's triggers off:
     * refused at start-up where {@code gridwork.database.require-app-role} (on in {@code prod}), a
     * warning elsewhere (the data generator connects as the owner on purpose).
     */
    @Bean
    ApplicationRunner appRoleCheck(DataSource dataSource, DatabaseSettings settings) {
        return args -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String user = jdbc.queryForObject("select current_user", String.class);
            Boolean owns = jdbc.queryForObject("""
                    select r.rolsuper or exists (select 1 from pg_tables t where t.schemaname = 'public'
                                                 and pg_has_role(current_user, t.tableowner, 'USAGE'))
                    from pg_roles r where r.rolname = current_user""", Boolean.class);
            if (!Boolean.TRUE.equals(owns)) {
                return;
            }
            String message = "The application connects to the database as '" + user
                    + "', which owns the tables (or is a superuser): it could alter them and switch off the audit trail's protection.";
            String action = "Connect as a role that owns nothing (SPRING_DATASOURCE_USERNAME) and let Flyway migrate as the owner"
                    + " (SPRING_FLYWAY_USER, SPRING_FLYWAY_PASSWORD); see README, \"Where the database comes from\".";
            if (settings.requireAppRole()) {
                throw new MissingSettingException(message, action);
            }
            log.warn("{} {}", message, action);
        };
    }
}
