package org.gridwork.audit;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.servlet.http.Cookie;

import org.flywaydb.core.Flyway;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.support.DatabaseOwner;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditChainJob chainJob;
    @Autowired
    Flyway flyway;

    /** The schema's owner: the application's own role cannot touch the trigger (see DatabaseRolesTest). */
    JdbcTemplate owner() {
        return DatabaseOwner.jdbc(flyway);
    }

    AuditQuery byActorAndAction(String actor, String action) {
        return new AuditQuery(null, null, actor, action, null, null, null, null);
    }

    @Test
    void recordsLoginsAndFailedLoginsWithTheAddress() throws Exception {
        WebSessions.loginFrom(mvc, "handler", "gridwork-demo", "192.0.2.10");
        WebSessions.loginFrom(mvc, "handler", "not the password", "192.0.2.11");
        var logins = audit.search(new AuditQuery(null, null, "handler", "LOGIN", null, null, true, "192.0.2.10"),
                PageRequest.of(0, 5));
        assertThat(logins.getContent()).isNotEmpty();
        assertThat(logins.getContent().get(0).occurredAt()).isNotNull();
        var failures = audit.search(new AuditQuery(null, null, "handler", "LOGIN_FAILED", null, null, false, "192.0.2.11"),
                PageRequest.of(0, 5));
        assertThat(failures.getContent()).isNotEmpty();
    }

    @Test
    void recordsEventsPublishedByAnyModuleWithWhoAndWhat() {
        events.publishEvent(AuditEvent.of("RESIDENT_ID_VIEWED", "RESIDENT", 4242, "full ID shown"));
        var found = audit.search(new AuditQuery(null, null, null, "RESIDENT_ID_VIEWED", "RESIDENT", "4242", null, null),
                PageRequest.of(0, 5));
        assertThat(found.getContent()).isNotEmpty();
        assertThat(found.getContent().get(0).details()).isEqualTo("full ID shown");
    }

    @Test
    void workAndItsRecordCommitTogetherAndWorkThatRollsBackIsRecordedAsFailed() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Long workTx = tx.execute(s -> {
            events.publishEvent(AuditEvent.of("HOUSEHOLD_MERGED", "HOUSEHOLD", 7101, "two into one"));
            return jdbc.queryForObject("select txid_current()", Long.class);
        });
        // the record was written by the work's own transaction (one commit for both)
        assertThat(jdbc.queryForObject("select xmin::text::bigint from audit_event where target_id = '7101'", Long.class))
                .isEqualTo(workTx % (1L << 32));

        tx.executeWithoutResult(s -> {
            events.publishEvent(AuditEvent.of("HOUSEHOLD_MERGED", "HOUSEHOLD", 7102, "two into one"));
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForList("select success::text || ' ' || details from audit_event where target_id = '7102'",
                String.class)).containsExactly("false two into one (rolled back)");

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(s -> events.publishEvent(AuditEvent.of("RESIDENT_ID_VIEWED", "RESIDENT", 7103, "full ID shown")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where target_id = '7103' and success", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRowsEvenToTheTablesOwner() {
        events.publishEvent(AuditEvent.of("TAMPER_TARGET", "TEST", 1, "original"));
        Long id = jdbc.queryForObject("select max(id) from audit_event where action = 'TAMPER_TARGET'", Long.class);
        JdbcTemplate owner = owner();
        assertThatThrownBy(() -> owner.update("update audit_event set details = 'forged' where id = ?", id))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_event where id = ?", id))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("truncate audit_event")).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select details from audit_event where id = ?", String.class, id)).isEqualTo("original");
    }

    @Test
    void theHashChainHoldsAndShowsARowChangedBehindTheTriggersBack() {
        events.publishEvent(AuditEvent.of("CHAIN_CHECK", "TEST", 2, "before"));
        assertThat(audit.firstBrokenLink()).isNull();
        Long id = jdbc.queryForObject("select max(id) from audit_event where action = 'CHAIN_CHECK'", Long.class);
        // the owner switching the trigger off; restored afterwards, so other tests see the intact trail
        try {
            rewriteAsOwner(id, "after", null);
            assertThat(audit.firstBrokenLink()).isEqualTo(id);
        } finally {
            rewriteAsOwner(id, "before", null);
        }
        assertThat(audit.firstBrokenLink()).isNull();
    }

    /** What only the table's owner can do: switch the trigger off, change a row (and its hash), switch it on. */
    private void rewriteAsOwner(Long id, String details, String hash) {
        owner().execute((java.sql.Connection c) -> {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("alter table audit_event disable trigger audit_event_append_only");
                try (var u = c.prepareStatement("update audit_event set details = ? where id = ?")) {
                    u.setString(1, details);
                    u.setLong(2, id);
                    u.executeUpdate();
                }
                if ("SHA-256".equals(hash)) {
                    // what whoever can write the table would do: recompute the row's SHA-256 as V42 did
                    s.execute("update audit_event e set hash = encode(sha256(convert_to(audit_event_content(e), 'UTF8')), 'hex')"
                            + " where id = " + id);
                } else if (hash != null) {
                    try (var u = c.prepareStatement("update audit_event set hash = ? where id = ?")) {
                        u.setString(1, hash);
                        u.setLong(2, id);
                        u.executeUpdate();
                    }
                }
                s.execute("alter table audit_event enable trigger audit_event_append_only");
                c.commit();
            } catch (java.sql.SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    @Test
    void aRowRewrittenBySqlWithItsHashRecomputedIsFoundByTheJobAndTheAdminSeesWhere() throws Exception {
        // logged in first: a login appends to the chain, and rows appended after the forged one would link to it
        Cookie admin = WebSessions.cookie(WebSessions.login(mvc, "admin", "gridwork-demo"));
        Cookie supervisor = WebSessions.cookie(WebSessions.login(mvc, "supervisor", "gridwork-demo"));
        events.publishEvent(AuditEvent.of("KEYED_CHAIN_CHECK", "TEST", 4, "original"));
        SystemPrincipal.run("test set-up", () -> audit.checkChain());
        assertThat(audit.lastCheck().broken()).as("the chain holds before").isFalse();
        Long id = jdbc.queryForObject("select max(id) from audit_event", Long.class);
        String[] original = jdbc.queryForObject("select details, hash from audit_event where id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, id);
        try {
            // what the table's owner could do: change the row and recompute its SHA-256 as V42 did
            rewriteAsOwner(id, "forged", "SHA-256");
            // the scheduled job, as it runs every hour (its ShedLock lock released, as an hour later)
            jdbc.update("delete from shedlock where name = 'audit-chain-verify'");
            chainJob.verify();
            assertThat(audit.lastCheck().brokenAt()).isEqualTo(id);
            assertThat(audit.lastCheck().reason()).isEqualTo("CONTENT");

            mvc.perform(get("/").cookie(admin)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("审计日志遭到篡改：审计链在第 " + id + " 条记录处断开")))
                    .andExpect(content().string(containsString("href=\"/admin/audit/chain\"")));
            mvc.perform(get("/admin/audit/chain").cookie(admin)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-broken-at=\"" + id + "\"")))
                    .andExpect(content().string(containsString("该记录的内容与其带密钥哈希不符")))
                    .andExpect(content().string(containsString("KEYED_CHAIN_CHECK")));
            mvc.perform(get("/").cookie(supervisor)).andExpect(content().string(not(containsString("审计日志遭到篡改"))));
            assertThat(jdbc.queryForObject("select max(id) from audit_event", Long.class)).as("nothing appended since")
                    .isEqualTo(id);
        } finally {
            rewriteAsOwner(id, original[0], original[1]);
        }
        SystemPrincipal.run("test set-up", () -> audit.checkChain());
        assertThat(audit.lastCheck().broken()).as("the chain holds again once the row is restored").isFalse();
        mvc.perform(get("/").cookie(admin)).andExpect(content().string(not(containsString("审计日志遭到篡改"))));
    }

    @Test
    void retentionNeverRemovesRowsYoungerThan180Days() {
        assertThat(audit.retentionDays()).isGreaterThanOrEqualTo(180);
        events.publishEvent(AuditEvent.of("RETENTION_CHECK", "TEST", 3, null));
        SystemPrincipal.run("test set-up", () -> audit.purgeExpired());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RETENTION_CHECK'", Integer.class))
                .isPositive();
    }

    @Test
    void adminSearchesFiltersAndExportsTheTrailAndTheExportIsItselfAudited() throws Exception {
        events.publishEvent(AuditEvent.of("SCREEN_CHECK", "TEST", "s-1", "=cmd|' /C calc'!A0"));
        Cookie admin = WebSessions.cookie(WebSessions.login(mvc, "admin", "gridwork-demo"));
        mvc.perform(get("/admin/audit").cookie(admin).param("action", "SCREEN_CHECK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-action=\"SCREEN_CHECK\"")))
                .andExpect(content().string(not(containsString("data-action=\"LOGIN\""))));
        mvc.perform(get("/admin/audit").cookie(admin).param("action", "NO_SUCH_ACTION"))
                .andExpect(content().string(containsString("audit-empty")));
        mvc.perform(get("/admin/audit/export.csv").cookie(admin).param("action", "SCREEN_CHECK"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(containsString("id,time,")))
                .andExpect(content().string(containsString("SCREEN_CHECK")))
                .andExpect(content().string(containsString("'=cmd")));
        assertThat(audit.search(byActorAndAction("admin", "EXPORT"), PageRequest.of(0, 1)).getContent()).isNotEmpty();
    }

    @Test
    void onlyAdminsSeeTheTrailAndRefusalsAreRecorded() throws Exception {
        Cookie staff = WebSessions.cookie(WebSessions.login(mvc, "staff", "gridwork-demo"));
        mvc.perform(get("/admin/audit").cookie(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/1").cookie(staff)).andExpect(status().isForbidden());
        var refused = audit.search(new AuditQuery(null, null, "staff", "ACCESS_REFUSED", "URL", "GET /admin/users/1", false, null),
                PageRequest.of(0, 1));
        assertThat(refused.getContent()).isNotEmpty();
    }

    @Test
    void notFoundAnswersToLoggedInUsersAreRecordedAsRefusedAccess() throws Exception {
        Cookie admin = WebSessions.cookie(WebSessions.login(mvc, "admin", "gridwork-demo"));
        mvc.perform(get("/admin/users/88888888").cookie(admin)).andExpect(status().isNotFound());
        var refused = audit.search(new AuditQuery(null, null, "admin", "ACCESS_REFUSED", "URL", "GET /admin/users/88888888", false, null),
                PageRequest.of(0, 1));
        assertThat(refused.getContent()).isNotEmpty();
    }

    @Test
    void aNulCharacterInASearchFieldIsRefusedAsABadRequestNotAServerError() throws Exception {
        Cookie admin = WebSessions.cookie(WebSessions.login(mvc, "admin", "gridwork-demo"));
        mvc.perform(get("/admin/audit").cookie(admin).param("actor", "x\0y")).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/users").cookie(admin).param("q", "\0")).andExpect(status().isBadRequest());
    }
}
