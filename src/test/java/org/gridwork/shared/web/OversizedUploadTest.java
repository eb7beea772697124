package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15: an upload over every limit (past the multipart parser's 100 MB) gets the application's
 * own 413 page, in the user's language, through a real Tomcat: never a reset connection, never
 * Tomcat's page, never a "forbidden" from a CSRF token the parser could not read.
 */
@IntegrationTest
class OversizedUploadTest {

    @LocalServerPort
    int port;

    @Test
    void anUploadOfOver100MegabytesGetsTheApplicationsPageNotAResetConnection() throws Exception {
        long size = 120L * 1024 * 1024;
        String boundary = "----gridwork-oversized";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"all.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long total = head.length + size + tail.length;
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String[] lang : new String[][] {{"zh-CN", "文件过大"}, {"en", "too large"}}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/admin/territory/import"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "text/html").header("Accept-Language", lang[0])
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> body(head, size, tail)), total))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).containsIgnoringCase(lang[1]).contains("id=\"error-413\"")
                    .doesNotContain("HTTP Status", "Apache Tomcat");
        }
    }

    /** The multipart body, generated as it is read (nothing of its size in memory). */
    private static InputStream body(byte[] head, long size, byte[] tail) {
        return new InputStream() {
            long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long end = head.length + size + tail.length;
                if (position >= end) {
                    return -1;
                }
                int n = (int) Math.min(len, end - position);
                for (int i = 0; i < n; i++) {
                    long p = position + i;
                    b[off + i] = p < head.length ? head[(int) p]
                            : p < head.length + size ? (byte) (p % 64 == 63 ? '\n' : 'x')
                            : tail[(int) (p - head.length - size)];
                }
                position += n;
                return n;
            }
        };
    }
}
