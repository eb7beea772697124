package org.gridwork.account;

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

    private String newUser() {
        String username = "pw" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(username, OLD, "测试用户", Role.SUPERVISOR, null);
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
}
