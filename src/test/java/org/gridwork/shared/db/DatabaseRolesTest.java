package org.gridwork.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.support.DatabaseOwner;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Least privilege (issue 16): the migrations run as the schema's owner, the application connects as a
 * role that reads and writes but cannot alter a table, switch off a trigger, truncate, or change or
 * delete audit rows. The tests run exactly as the application does: this is its own connection.
 */
@IntegrationTest
class DatabaseRolesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theApplicationConnectsAsARoleThatOwnsNothingAndIsNoSuperuser() {
        String app = jdbc.queryForObject("select current_user", String.class);
        String owner = DatabaseOwner.jdbc(flyway).queryForObject("select current_user", String.class);
        assertThat(app).isNotEqualTo(owner);
        assertThat(jdbc.queryForObject("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user",
                Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from pg_tables where schemaname = 'public'"
                + " and pg_has_role(current_user, tableowner, 'USAGE')", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pg_tables where schemaname = 'public'", Integer.class))
                .isGreaterThan(30);
    }

    @Test
    void theApplicationsRoleCannotSwitchOffAlterTruncateOrRewriteTheAuditTrail() {
        events.publishEvent(AuditEvent.of("ROLE_CHECK", "TEST", 95, "original"));
        Long id = jdbc.queryForObject("select max(id) from audit_event where action = 'ROLE_CHECK'", Long.class);

        assertThatThrownBy(() -> jdbc.execute("alter table audit_event disable trigger audit_event_append_only"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("alter table audit_event disable trigger all"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("alter table audit_event add column forged text"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("drop trigger audit_event_append_only on audit_event"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("update audit_event set details = 'forged' where id = ?", id))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("delete from audit_chain_check"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("create or replace function audit_event_refuse_change() returns trigger"
                + " language plpgsql as $$ begin return old; end $$"))
                .rootCause().hasMessageMatching(".*(must be owner|permission denied for schema).*");

        assertThat(jdbc.queryForObject("select details from audit_event where id = ?", String.class, id)).isEqualTo("original");
    }

    @Test
    void theApplicationsRoleCannotAlterTruncateOrCreateTablesButReadsAndWritesThem() {
        assertThatThrownBy(() -> jdbc.execute("alter table resident disable trigger all"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("truncate shedlock"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("create table forged (id int)"))
                .rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.update("update shedlock set lock_until = lock_until where false")).isZero();
        assertThat(jdbc.update("delete from shedlock where name = 'no such lock'")).isZero();
    }

    @Test
    void theRetentionPurgeGoesThroughTheOwnersFunctionAndNeverRemovesYoungRows() {
        events.publishEvent(AuditEvent.of("ROLE_PURGE_CHECK", "TEST", 96, null));
        assertThat(jdbc.queryForObject("select audit_event_purge(0)", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ROLE_PURGE_CHECK'", Integer.class))
                .isOne();
    }
}
