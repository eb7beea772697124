package org.gridwork.shared.web;

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

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages as the servlet container serves them to a browser (MockMvc does not dispatch to them). */
@IntegrationTest
class ErrorPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aListAddressWithAnUnreadableFilterGivesTheRequestRefusedPageWithoutUnresolvedMessages() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher token = CSRF.matcher(get(browser, "/login").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=supervisor&password=gridwork-demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);

        HttpResponse<String> refused = get(browser, "/issues?categoryId=abc");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Request refused").doesNotContain("??");
    }

    @Test
    void errorPagesRenderInTheLayoutForSomeoneWhoIsNotLoggedIn() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> missing = get(anonymous, "/public/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("id=\"error-404\"").contains("navbar").doesNotContain("id=\"current-user\"")
                .doesNotContain("Exception");
        HttpResponse<String> unknownCode = get(anonymous, "/public/track/ZZZZZZZZZZ");
        assertThat(unknownCode.statusCode()).isEqualTo(404);
        assertThat(unknownCode.body()).doesNotContain("id=\"current-user\"").doesNotContain("Exception");
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
