package org.gridwork.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role that owns the schema (Flyway's connection), for tests that must do what the application's
 * own role may not: rewrite audit rows behind the trigger's back, drop and rebuild indexes.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {
    }

    public static JdbcTemplate jdbc(Flyway flyway) {
        return new JdbcTemplate(flyway.getConfiguration().getDataSource());
    }
}
