package org.gridwork.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class DatabaseEnvironmentPostProcessorTest {

    private final DatabaseEnvironmentPostProcessor processor = new DatabaseEnvironmentPostProcessor();

    @Test
    void anExplicitDatasourceUrlIsUsedAsItIs() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/x");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void theLocalPostgresIsUsedAndTheDatabaseCreatedWhenMissing() throws Exception {
        // unique per run: suites of several checkouts may run this at the same moment
        String name = "gridwork_epp_probe_" + ProcessHandle.current().pid();
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                var s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        }
        MockEnvironment env = new MockEnvironment().withProperty("gridwork.database.name", name);
        processor.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/" + name);
        // least privilege: the owner (the user that created the database) migrates, the app role connects
        assertThat(env.getProperty("spring.flyway.user")).isEqualTo("postgres");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("gridwork_app");
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                var s = c.createStatement();
                var rs = s.executeQuery("select rolcanlogin and not rolsuper and not rolcreatedb and not rolcreaterole"
                        + " from pg_roles where rolname = 'gridwork_app'")) {
            assertThat(rs.next()).as("the app role exists").isTrue();
            assertThat(rs.getBoolean(1)).as("a login role with no power of its own").isTrue();
        }
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + name, "postgres", "")) {
            assertThat(c.isValid(2)).isTrue();
        }
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                var s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        }
    }

    @Test
    void withoutAnAppRoleTheOwnerConnectsAsBefore() {
        // the data generator's profile: it drops and rebuilds indexes, which only the owner may
        MockEnvironment env = new MockEnvironment().withProperty("gridwork.database.name", "postgres")
                .withProperty("gridwork.database.app-username", "");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("postgres");
        assertThat(env.getProperty("spring.flyway.user")).isNull();
    }

    @Test
    void withNothingToConnectToAndEmbeddedOffStartUpStopsWithAPlainMessage() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("gridwork.database.port", "1")
                .withProperty("gridwork.database.embedded", "false");
        assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("No PostgreSQL answers on localhost:1");
    }

    @Test
    void theFailureAnalysisSaysWhatToSet() {
        FailureAnalysis analysis = new DatabaseFailureAnalyzer()
                .analyze(new DatabaseUnavailableException("No PostgreSQL answers."));
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "non-root");
    }
}
