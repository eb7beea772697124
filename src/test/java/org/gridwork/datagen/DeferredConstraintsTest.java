package org.gridwork.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.gridwork.support.DatabaseOwner;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The generator's bulk load leaves the schema exactly as the migrations made it. */
@IntegrationTest
class DeferredConstraintsTest {

    @Autowired
    Flyway flyway;
    JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeEach
    void asTheOwner() {
        // the generator connects as the schema's owner (its profile): the application's role owns no index
        jdbc = DatabaseOwner.jdbc(flyway);
    }

    @Test
    void everyIndexAndKeyDroppedForTheLoadComesBackTheSame() {
        List<String> before = schema();
        assertThat(before).anyMatch(d -> d.contains("visit_idempotency_key_key"))
                .anyMatch(d -> d.contains("resident_name_trgm_idx"))
                .anyMatch(d -> d.contains("visit_resident_id_fkey"));

        DeferredConstraints deferred = DeferredConstraints.drop(jdbc);
        assertThat(schema()).noneMatch(d -> d.contains("visit_idempotency_key_key")
                || d.contains("resident_name_trgm_idx") || d.contains("visit_resident_id_fkey"));
        assertThat(deferred.count()).isGreaterThan(20);

        deferred.rebuild();
        assertThat(schema()).isEqualTo(before);
    }

    /** Every index and constraint of the loaded tables, as PostgreSQL would write them. */
    private List<String> schema() {
        Object tables = DeferredConstraints.TABLES.toArray(String[]::new);
        List<String> indexes = jdbc.queryForList("select 'index ' || indexname || ': ' || indexdef from pg_indexes"
                + " where tablename = any (?) order by 1", String.class, tables);
        List<String> constraints = jdbc.queryForList("select 'constraint ' || conname || ': ' || pg_get_constraintdef(oid)"
                + " from pg_constraint where conrelid::regclass::text = any (?) order by 1", String.class, tables);
        // a partial index's condition comes back with its casts placed differently: same meaning, other text
        return java.util.stream.Stream.concat(indexes.stream(), constraints.stream())
                .map(d -> d.replaceAll(" WHERE .*", " WHERE (condition)")).toList();
    }
}
