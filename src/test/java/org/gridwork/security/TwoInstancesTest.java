package org.gridwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridwork.GridworkApplication;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on two ports against one database: a login on one is valid on the other, and a
 * logout on the other ends it on both (sessions live in PostgreSQL). The second instance is a
 * plain SpringApplication of the same app and profile next to the test context's own server.
 */
@IntegrationTest
class TwoInstancesTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int firstPort;

    @Test
    void aLoginOnOneInstanceIsValidOnTheOther() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GridworkApplication.class)
                .profiles("test")
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(secondPort).isNotEqualTo(firstPort);

            // cookies are per host, not per port: one browser talking to both instances
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String loginPage = get(browser, firstPort, "/login").body();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri(firstPort, "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=supervisor&password=gridwork-demo&_csrf="
                            + URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

            HttpResponse<String> home = get(browser, secondPort, "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("王建国");

            // logging out on the second instance ends the session on the first as well
            HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(uri(secondPort, "/logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf(home.body()), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(get(browser, firstPort, "/").statusCode()).isEqualTo(302);
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(HttpClient browser, int port, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
