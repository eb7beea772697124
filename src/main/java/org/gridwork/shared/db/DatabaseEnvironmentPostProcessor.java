package org.gridwork.shared.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Decides where the database comes from before anything connects, in the order the README
 * documents: an explicit {@code spring.datasource.url}; else the PostgreSQL on localhost:5432
 * (database created when missing); else an embedded PostgreSQL whose files stay under
 * {@code ./data/}; else a clear start-up failure saying what to set.
 *
 * <p>In the two automatic cases the user that connects to create the database (postgres) is the
 * schema's owner: Flyway migrates as that user ({@code spring.flyway.user}), while the application
 * connects as {@code gridwork.database.app-username} (default {@code gridwork_app}, created here when
 * missing), a role that may read and write the tables but owns none of them, so it cannot alter,
 * truncate or disable the triggers of any table, nor change or delete audit rows (grants in the
 * Flyway callback {@code afterMigrate__grant_app_role.sql}). Roles are cluster-wide: every database
 * on the server (several test checkouts at once) shares the one app role, and its rights are granted
 * per database.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String SOURCE_NAME = "gridworkDatabase";
    private static EmbeddedPostgres embedded;

    @Override
    public int getOrder() {
        // After config data (application*.properties) so that profile properties are visible.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        String database = env.getProperty("gridwork.database.name", "gridwork");
        String host = env.getProperty("gridwork.database.host", "localhost");
        int port = env.getProperty("gridwork.database.port", Integer.class, 5432);
        String user = env.getProperty("gridwork.database.username", "postgres");
        String password = env.getProperty("gridwork.database.password", "");

        String serverUrl = "jdbc:postgresql://" + host + ":" + port + "/";
        if (canConnect(serverUrl + "postgres", user, password)) {
            createDatabaseIfMissing(serverUrl, user, password, database);
            use(env, serverUrl, database, user, password);
            return;
        }
        if (!env.getProperty("gridwork.database.embedded", Boolean.class, true)) {
            throw new DatabaseUnavailableException(
                    "No PostgreSQL answers on " + host + ":" + port + " and the embedded one is switched off.");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new DatabaseUnavailableException(
                    "No PostgreSQL answers on " + host + ":" + port
                            + ", and the embedded PostgreSQL refuses to run as root.");
        }
        startEmbedded(env, database);
    }

    /**
     * A refused connection means nothing listens: answer at once. Anything else (a timeout on a
     * busy machine, too many clients for a moment) is worth two more tries before falling back.
     */
    private static boolean canConnect(String url, String user, String password) {
        for (int attempt = 1; ; attempt++) {
            try (Connection ignored = DriverManager.getConnection(url, props(user, password))) {
                return true;
            } catch (SQLException e) {
                boolean refused = e.getCause() instanceof java.net.ConnectException;
                if (refused || attempt == 3) {
                    return false;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private static Properties props(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "10");
        return p;
    }

    private static void createDatabaseIfMissing(String serverUrl, String user, String password, String database) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new DatabaseUnavailableException("Database name '" + database + "' is not a plain identifier.");
        }
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", props(user, password));
                var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, database);
            try (var rs = check.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (var create = c.createStatement()) {
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            // Another instance may have created it at the same moment: fine when it now exists.
            // (42P04 duplicate database; 23505 when both passed the check and raced in the catalog)
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new DatabaseUnavailableException("Could not create database '" + database + "': " + e.getMessage());
            }
        }
    }

    private static synchronized void startEmbedded(ConfigurableEnvironment env, String database) {
        try {
            if (embedded == null) {
                Path dir = Path.of(env.getProperty("gridwork.database.embedded-dir", "data/postgres")).toAbsolutePath();
                dir.getParent().toFile().mkdirs();
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setPort(env.getProperty("gridwork.database.embedded-port", Integer.class, 54329))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (Exception ignored) {
                        // shutting down anyway
                    }
                }));
            }
            String serverUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
            createDatabaseIfMissing(serverUrl, "postgres", "", database);
            use(env, serverUrl, database, "postgres", "");
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseUnavailableException("The embedded PostgreSQL could not start: " + e.getMessage());
        }
    }

    /**
     * The owner (the user that created the database) migrates; the application connects as the app
     * role. An empty {@code gridwork.database.app-username} (the data generator's profile, which drops
     * and rebuilds indexes) connects as the owner.
     */
    private static void use(ConfigurableEnvironment env, String serverUrl, String database, String owner, String ownerPassword) {
        String appUser = env.getProperty("gridwork.database.app-username", "gridwork_app");
        String appPassword = env.getProperty("gridwork.database.app-password", "gridwork-app");
        Map<String, Object> map = new HashMap<>();
        map.put("spring.datasource.url", serverUrl + database);
        if (!StringUtils.hasText(appUser) || appUser.equals(owner)) {
            map.put("spring.datasource.username", owner);
            map.put("spring.datasource.password", ownerPassword);
        } else {
            createAppRoleIfMissing(serverUrl, owner, ownerPassword, appUser, appPassword);
            map.put("spring.datasource.username", appUser);
            map.put("spring.datasource.password", appPassword);
            map.put("spring.flyway.user", owner);
            map.put("spring.flyway.password", ownerPassword);
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, map));
    }

    /**
     * A login role without any right of its own (no superuser, no CREATEDB, no CREATEROLE); what it may
     * do in each database the migrations grant. Left as it is when it exists.
     */
    private static void createAppRoleIfMissing(String serverUrl, String owner, String ownerPassword, String role, String password) {
        if (!role.matches("[a-z_][a-z0-9_]*")) {
            throw new DatabaseUnavailableException("Application role '" + role + "' is not a plain lower-case identifier.");
        }
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", props(owner, ownerPassword));
                var check = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            check.setString(1, role);
            try (var rs = check.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (var create = c.createStatement()) {
                create.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole noinherit password '"
                        + password.replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            // Another checkout or instance created it at the same moment (42710 duplicate role; 23505 catalog race).
            if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new DatabaseUnavailableException("Could not create the application's database role '" + role
                        + "' as " + owner + ": " + e.getMessage()
                        + " (create it yourself, or set gridwork.database.app-username to an existing role)");
            }
        }
    }
}
