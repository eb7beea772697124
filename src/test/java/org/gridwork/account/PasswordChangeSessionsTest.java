package org.gridwork.account;

import org.gridwork.shared.security.SystemPrincipal;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What an outside test found: a password change left the other sessions alive, and the current password could be guessed freely. */
@IntegrationTest
class PasswordChangeSessionsTest {

    static final String OLD = "an-old-passphrase-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String newUser() {
        String username = "pw" + UUID.randomUUID().toString().substring(0, 8);
        SystemPrincipal.run("test set-up", () -> accounts.createUser(username, OLD, "测试用户", Role.SUPERVISOR, null));
        return username;
    }

    private void change(Cookie session, String current) throws Exception {
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", current)
                .param("newPassword", "a-brand-new-passphrase-2026").param("repeat", "a-brand-new-passphrase-2026"));
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessionsButNotThisOne() throws Exception {
        String username = newUser();
        Cookie here = WebSessions.cookie(WebSessions.login(mvc, username, OLD));
        Cookie elsewhere = WebSessions.cookie(WebSessions.login(mvc, username, OLD));
        mvc.perform(get("/me").cookie(elsewhere)).andExpect(status().isOk());

        change(here, OLD);

        mvc.perform(get("/me").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/me").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void wrongCurrentPasswordsCountLikeFailedLoginsAndLockTheAccountWithItsSessions() throws Exception {
        String username = newUser();
        Cookie session = WebSessions.cookie(WebSessions.login(mvc, username, OLD));
        for (int i = 0; i < 4; i++) {
            change(session, "a-wrong-guess-" + i);
        }
        mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
        change(session, "a-wrong-guess-5"); // the fifth in a row locks the account

        mvc.perform(get("/me").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", OLD))
                .andExpect(redirectedUrlPattern("/login?*"));
    }

    @Test
    void aTemporaryPasswordOlderThanAWeekNoLongerLogsInAndSaysWhy() throws Exception {
        String username = newUser();
        long id = accounts.findByUsername(username).orElseThrow().id();
        String fresh = SystemPrincipal.call("test set-up", () -> accounts.resetPassword(id).password());
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", fresh))
                .andExpect(redirectedUrl("/account/password"));

        String old = SystemPrincipal.call("test set-up", () -> accounts.resetPassword(id).password());
        jdbc.update("update app_user set password_changed_at = now() - interval '8 days' where id = ?", id);
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", old))
                .andExpect(redirectedUrl("/login?temporaryExpired"));
        // a wrong password still reads like any wrong password
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "not-it-at-all"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void noSessionRowCarriesThePasswordHash() throws Exception {
        String username = newUser();
        Cookie session = WebSessions.cookie(WebSessions.login(mvc, username, OLD));
        mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
        String sessionId = new String(java.util.Base64.getDecoder().decode(session.getValue()));
        java.util.List<byte[]> attributes = jdbc.queryForList("""
                select a.attribute_bytes from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                where s.session_id = ?""", byte[].class, sessionId);
        org.assertj.core.api.Assertions.assertThat(attributes).isNotEmpty();
        for (byte[] bytes : attributes) {
            org.assertj.core.api.Assertions.assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("$2a$").doesNotContain("$2b$").doesNotContain("{bcrypt}");
        }
    }
}
