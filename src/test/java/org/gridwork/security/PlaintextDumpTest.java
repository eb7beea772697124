package org.gridwork.security;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.resident.ImportPreview;
import org.gridwork.resident.ResidentTransferService;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * PIPL: a dump of the database (a backup, a stolen disk) holds no plaintext ID or phone number, nor
 * the name or e-mail of a member of the public who reported a problem. Fills every table that can
 * hold them (users, residents, import previews kept and confirmed, Open311 reports, sessions, the
 * audit trail and the event publication and job tables written along the way), dumps the test
 * database with pg_dump and searches it for each value stored and for any national ID number of the
 * demo and test areas (130528..., 130581...).
 */
@IntegrationTest
class PlaintextDumpTest {

    static final Pattern ID_NUMBER = Pattern.compile("1305(28|81)(19|20)[0-9]{6}[0-9]{3}[0-9Xx]");
    static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

    @Autowired
    AccountService accounts;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ResidentTransferService transfer;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    FieldEncryptor crypto;

    @Test
    void aDatabaseDumpContainsNoPlaintextIdOrPhoneNumberNorReporterContact() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PG_DUMP) || onPath("pg_dump"), "pg_dump not installed");
        long n = System.nanoTime() % 10_000;
        String userPhone = "1381234" + String.format("%04d", n);
        SystemPrincipal.run("test set-up", () -> accounts.createUserByAdmin("dump" + System.nanoTime() % 1_000_000, "导出检查", Role.GRID_STAFF, null, userPhone, false));

        // an import previewed and left, and one confirmed (rows registered, preview gone)
        String keptId = TestResidents.nextIdNumber(LocalDate.of(1951, 3, 3), true);
        String keptPhone = "1391111" + String.format("%04d", n);
        String confirmedId = TestResidents.nextIdNumber(LocalDate.of(1952, 4, 4), false);
        String confirmedPhone = "1392222" + String.format("%04d", n);
        asUser("staff");
        try {
            String header = "name,id_number,phone,registration,grid_code,address,longitude,latitude,tags,notes\n";
            ImportPreview kept = transfer.preview((header + "预览留存," + keptId + "," + keptPhone
                    + ",REGISTERED,130528112201-001,幸福街1号,,,,\n").getBytes(StandardCharsets.UTF_8), "kept.csv");
            assertThat(kept.validRows()).isEqualTo(1);
            ImportPreview confirmed = transfer.preview((header + "导入确认," + confirmedId + "," + confirmedPhone
                    + ",REGISTERED,130528112201-001,幸福街2号,,,独居老人,\n").getBytes(StandardCharsets.UTF_8), "confirmed.csv");
            assertThat(transfer.confirm(confirmed.token())).isEqualTo(1);
        } finally {
            SecurityContextHolder.clearContext();
        }

        // a member of the public reports through Open311 with name, e-mail and phone
        String reporterName = "Dumpcheck" + UUID.randomUUID().toString().substring(0, 8);
        String reporterMail = reporterName.toLowerCase() + "@example.org";
        String reporterPhone = "1393333" + String.format("%04d", n);
        mvc.perform(post("/open311/v2/requests.json").param("api_key", open311Key())
                .param("service_code", "FACILITY_LAMP").param("lat", "37.5830").param("long", "115.0260")
                .param("description", "路灯坏了").param("first_name", reporterName).param("last_name", "某")
                .param("email", reporterMail).param("phone", reporterPhone)).andExpect(status().isOk());

        // a session stored in the database, used for a page
        var login = WebSessions.login(mvc, "staff", "gridwork-demo");
        mvc.perform(get("/today").cookie(WebSessions.cookie(login))).andExpect(status().isOk());

        String dump = pgDump();
        assertThat(dump).as("the dump ran and holds the tables").contains("app_user", "resident_import",
                "spring_session_attributes", "audit_event");
        for (String secret : List.of(userPhone, keptId, keptPhone, confirmedId, confirmedPhone, reporterName,
                reporterMail, reporterPhone)) {
            assertThat(dump).as("plaintext personal data in the dump").doesNotContain(secret);
        }
        Matcher id = ID_NUMBER.matcher(dump);
        assertThat(id.find() ? id.group() : null).as("a national ID number in plaintext").isNull();
        assertThat(jdbc.queryForList("select valid_rows from resident_import where imported_at is not null", String.class))
                .as("a confirmed import keeps no rows, even encrypted").allSatisfy(
                        stored -> assertThat(crypto.decrypt(stored)).doesNotContain(confirmedId).contains("\"valid\":[]"));
    }

    /** Open311Keys is internal to the issue module. */
    private String open311Key() {
        return ReflectionTestUtils.invokeMethod(context.getBean("open311Keys"), "create", "dump check app");
    }

    private void asUser(String username) {
        var details = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }

    private String pgDump() throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        // jdbc:postgresql://host:port/name?...
        var m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        assertThat(m.find()).isTrue();
        String exe = Files.isExecutable(PG_DUMP) ? PG_DUMP.toString() : "pg_dump";
        Path out = Files.createTempFile("gridwork-dump", ".sql");
        try {
            Process p = new ProcessBuilder(exe, "-h", m.group(1), "-p", m.group(2) == null ? "5432" : m.group(2),
                    "-U", "postgres", "--no-password", "-f", out.toString(), m.group(3))
                    .redirectErrorStream(true).start();
            String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("pg_dump: " + messages).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean onPath(String exe) {
        try {
            return new ProcessBuilder("which", exe).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
