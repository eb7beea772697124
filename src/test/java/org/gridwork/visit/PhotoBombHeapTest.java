package org.gridwork.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The issue's own test (issue 16): three crafted 16-bit PNGs of 7745 × 7745 pixels (466 KB each, 480 MB
 * each once decoded) sent at once to a running Gridwork with a 1 GB heap leave it serving. The app runs
 * in a JVM of its own with {@code -Xmx1g}, on a free port, against its own database (the test database's
 * name plus {@code _heap}, rebuilt on each run, demo data loaded), as in production; requests go
 * over HTTP as a phone's browser would send them.
 */
class PhotoBombHeapTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void threeCraftedPngsSentAtOnceToAOneGigabyteHeapLeaveTheAppServing() throws Exception {
        String database = System.getenv().getOrDefault("GRIDWORK_TEST_DB", "gridwork_test") + "_heap";
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // rebuilt on each run, as the test database is (the app creates it and loads the demo data)
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                var s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
        Path log = Files.createTempFile("gridwork-heap-", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(java, "-Xmx1g", "-XX:+ExitOnOutOfMemoryError",
                "-cp", applicationClassPath(), "org.gridwork.GridworkApplication",
                "--server.port=" + port, "--gridwork.database.name=" + database,
                "--spring.datasource.hikari.maximum-pool-size=4", "--logging.level.org.gridwork=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://localhost:" + port;
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            waitUntilUp(browser, base, app, log);

            String token = csrf(get(browser, base + "/login").body());
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=staff&password=gridwork-demo&_csrf="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("logged in").isEqualTo(302);
            long resident = staffResident(database);
            String formToken = csrf(get(browser, base + "/visits/new?residentId=" + resident).body());

            byte[] bomb = VisitWebTest.memoryBombPng();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String boundary = "----gridwork" + UUID.randomUUID();
                byte[] body = multipart(boundary, formToken, resident, bomb);
                sent.add(browser.sendAsync(HttpRequest.newBuilder(URI.create(base + "/visits"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept-Language", "zh-CN").timeout(Duration.ofMinutes(3))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                HttpResponse<String> r = f.get(4, TimeUnit.MINUTES);
                assertThat(r.statusCode()).as("a refusal on the form, not a 500").isEqualTo(200);
                assertThat(r.body()).contains("照片过大，无法处理：7745 × 7745 像素、每像素 64 位");
            }

            assertThat(app.isAlive()).as("still running").isTrue();
            assertThat(get(browser, base + "/today").statusCode()).as("still serving").isEqualTo(200);
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    /**
     * The application's classes and libraries as this JVM sees them, without the test classes (their
     * test configuration would rebuild the database and fix the clock). Surefire hands its JVM a jar
     * whose manifest lists the class path.
     */
    static String applicationClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("surefirebooter")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
                    String listed = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String url : listed.trim().split("\\s+")) {
                        entries.add(Path.of(path.toAbsolutePath().getParent().toUri().resolve(url)).toString());
                    }
                }
            } else {
                entries.add(path.toAbsolutePath().toString());
            }
        }
        return entries.stream().filter(e -> !e.replace('\\', '/').endsWith("/test-classes")
                && !e.replace('\\', '/').endsWith("/test-classes/")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static void waitUntilUp(HttpClient browser, String base, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the app started; its log:\n" + Files.readString(log)).isTrue();
            try {
                if (get(browser, base + "/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("The app did not start within 6 minutes; its log:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static long staffResident(String database) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, "postgres", "");
                var s = c.createStatement();
                var rs = s.executeQuery("select min(r.id) from resident r join grid_staff gs on gs.grid_id = r.grid_id"
                        + " join app_user u on u.id = gs.user_id where u.username = 'staff'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] multipart(String boundary, String csrf, long resident, byte[] png) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[][] fields = {{"_csrf", csrf}, {"token", UUID.randomUUID().toString()}, {"residentId", String.valueOf(resident)},
                {"kind", "CARE"}, {"condition", "GOOD"}};
        for (String[] f : fields) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"bomb.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(png);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
