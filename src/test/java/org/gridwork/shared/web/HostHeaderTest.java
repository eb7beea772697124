package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A forged Host header is never written back (issue 16): redirects carry a path only, and absolute
 * links come from the configured public address ({@code gridwork.public-url}).
 */
@IntegrationTest
class HostHeaderTest {

    private static final Pattern LOCATION = Pattern.compile("(?im)^Location:\\s*(\\S+)\\s*$");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    /** A raw HTTP/1.1 request, since Java's HTTP client refuses to send a Host header of one's choosing. */
    String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            return text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
        }
    }

    String location(String headers) {
        Matcher m = LOCATION.matcher(headers);
        assertThat(m.find()).as("a Location header in:\n" + headers).isTrue();
        return m.group(1);
    }

    @Test
    void aRealServerRedirectsToAPathNotToTheHostTheRequestNamed() throws Exception {
        String toLogin = rawGet("/issues", "evil.example");
        assertThat(toLogin).startsWith("HTTP/1.1 302");
        assertThat(location(toLogin)).isEqualTo("/login").doesNotContain("evil");

        String toTracking = rawGet("/public/track?code=ABCDEFGHJK", "evil.example:8443");
        assertThat(toTracking).startsWith("HTTP/1.1 302");
        assertThat(location(toTracking)).startsWith("/public/track/").doesNotContain("evil");
    }

    @Test
    void absoluteLinksComeFromTheConfiguredAddressNotTheHostHeader() throws Exception {
        mvc.perform(get("/open311/v2/discovery.json").header("Host", "evil.example"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].url").value("https://gridwork.test/open311/v2"));
        mvc.perform(get("/public/track").param("code", "ABCDEFGHJK").header("Host", "evil.example"))
                .andExpect(redirectedUrl("/public/track/ABCDEFGHJK"));
    }
}
