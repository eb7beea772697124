package org.gridwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.hamcrest.Matchers.containsString;

import java.io.InputStream;
import java.util.Properties;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** One test per protective header or cookie flag (issue 7, web hardening). */
@IntegrationTest
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void contentSecurityPolicyForbidsFramingAndInlineCode() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void browsersMustNotSniffContentTypes() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void referrerCarriesOnlyTheOriginToOtherSites() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")))
                .andExpect(header().string("Strict-Transport-Security", containsString("includeSubDomains")));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        String cookie = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Set-Cookie");
        assertThat(cookie).contains("SESSION=").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void sessionCookieIsSecureBehindHttps() throws Exception {
        String cookie = mvc.perform(get("/login").secure(true)).andReturn().getResponse().getHeader("Set-Cookie");
        assertThat(cookie).contains("Secure");
        Properties prod = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application-prod.properties")) {
            prod.load(in);
        }
        assertThat(prod.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    }
}
