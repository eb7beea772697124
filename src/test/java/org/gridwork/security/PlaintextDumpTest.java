package org.gridwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PIPL: a dump of the database (a backup, a stolen disk) holds no plaintext ID or phone number.
 * Dumps the test database with pg_dump and searches it for the phone numbers just stored and for
 * any national ID number of the demo area (130528...), which the resident module stores encrypted.
 */
@IntegrationTest
class PlaintextDumpTest {

    static final Pattern DEMO_ID_NUMBER = Pattern.compile("130528(19|20)[0-9]{6}[0-9]{3}[0-9Xx]");
    static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

    @Autowired
    AccountService accounts;
    @Autowired
    DataSource dataSource;

    @Test
    void aDatabaseDumpContainsNoPlaintextIdOrPhoneNumber() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PG_DUMP) || onPath("pg_dump"), "pg_dump not installed");
        String phone = "1381234" + String.format("%04d", System.nanoTime() % 10_000);
        accounts.createUserByAdmin("dump" + System.nanoTime() % 1_000_000, "导出检查", Role.GRID_STAFF, null, phone, false);

        String dump = pgDump();
        assertThat(dump).as("the dump ran and holds the user table").contains("app_user");
        assertThat(dump).as("a phone number in plaintext").doesNotContain(phone);
        Matcher id = DEMO_ID_NUMBER.matcher(dump);
        assertThat(id.find() ? id.group() : null).as("a national ID number in plaintext").isNull();
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
