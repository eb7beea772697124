package org.gridwork.account;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

@IntegrationTest
class TotpLoginTest {

    static final String PASSWORD = "second factor password";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    TotpService totp;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    static String secretOf(String otpauthUri) {
        return UriComponentsBuilder.fromUriString(otpauthUri).build().getQueryParams().getFirst("secret");
    }

    static String currentCode(String secret) {
        return Totp.code(Totp.fromBase32(secret), Totp.counterAt(Instant.now()), 6);
    }

    /** The next step's code: accepted (clock drift) and later than a code just used for enrolment. */
    static String nextCode(String secret) {
        return Totp.code(Totp.fromBase32(secret), Totp.counterAt(Instant.now()) + 1, 6);
    }

    @Test
    void aUserWithAnAuthenticatorNeedsTheCodeAfterThePassword() throws Exception {
        String name = AccountAdministrationTest.unique("totp");
        long id = SystemPrincipal.call("test set-up", () -> accounts.createUser(name, PASSWORD, "双因素", Role.SUPERVISOR, null).id());
        String secret = SystemPrincipal.call("test set-up", () -> secretOf(totp.startEnrolment(id)));
        List<String> recovery = SystemPrincipal.call("test set-up", () -> totp.confirmEnrolment(id, currentCode(secret)));
        assertThat(recovery).hasSize(10);

        MvcResult login = WebSessions.login(mvc, name, PASSWORD);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        Cookie session = WebSessions.cookie(login);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("totp-error")));
        mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", nextCode(secret)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        // a recovery code works once
        Cookie second = WebSessions.cookie(WebSessions.login(mvc, name, PASSWORD));
        mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", recovery.get(0))).andExpect(redirectedUrl("/"));
        Cookie third = WebSessions.cookie(WebSessions.login(mvc, name, PASSWORD));
        mvc.perform(post("/login/totp").cookie(third).with(csrf()).param("code", recovery.get(0)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("totp-error")));
    }

    @Test
    void anAdminCanRequireTheSecondFactorAndTheUserEnrolsAtTheNextLogin() throws Exception {
        String name = AccountAdministrationTest.unique("must2fa");
        long id = SystemPrincipal.call("test set-up", () -> accounts.createUser(name, PASSWORD, "强制双因素", Role.ADMIN, null).id());
        SystemPrincipal.run("test set-up", () -> accounts.updateUser(id, "强制双因素", Role.ADMIN, null, null, true));

        MvcResult login = WebSessions.login(mvc, name, PASSWORD);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/account/totp");
        Cookie session = WebSessions.cookie(login);
        mvc.perform(get("/admin/users").cookie(session)).andExpect(redirectedUrl("/account/totp"));
        String page = mvc.perform(get("/account/totp").cookie(session))
                .andExpect(content().string(not(containsString("otpauth://"))))
                .andReturn().getResponse().getContentAsString();
        // the manual key: the secret alone, in groups of four
        String grouped = page.replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7 ]+)<.*", "$1");
        assertThat(grouped).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        String secret = grouped.replace(" ", "");
        mvc.perform(get("/account/totp/qr.svg").cookie(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<svg")));
        mvc.perform(post("/account/totp/confirm").cookie(session).with(csrf()).param("code", currentCode(secret)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("recovery-codes")));
        mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());
        // required: it cannot be switched off by the user
        mvc.perform(post("/account/totp/disable").cookie(session).with(csrf()));
        assertThat(totp.enabled(id)).isTrue();
    }

    @Test
    void aCodeIsAcceptedOnceEvenWithinItsWindow() throws Exception {
        String name = AccountAdministrationTest.unique("totponce");
        long id = SystemPrincipal.call("test set-up", () -> accounts.createUser(name, PASSWORD, "一次性", Role.SUPERVISOR, null).id());
        String secret = SystemPrincipal.call("test set-up", () -> secretOf(totp.startEnrolment(id)));
        String enrolCode = currentCode(secret);
        SystemPrincipal.run("test set-up", () -> assertThat(totp.confirmEnrolment(id, enrolCode)).hasSize(10));

        Cookie first = WebSessions.cookie(WebSessions.login(mvc, name, PASSWORD));
        mvc.perform(post("/login/totp").cookie(first).with(csrf()).param("code", enrolCode))
                .andExpect(status().isOk()).andExpect(content().string(containsString("totp-error")));
        String code = nextCode(secret);
        mvc.perform(post("/login/totp").cookie(first).with(csrf()).param("code", code)).andExpect(redirectedUrl("/"));

        // the same code seen by someone looking over the shoulder, seconds later: refused
        Cookie second = WebSessions.cookie(WebSessions.login(mvc, name, PASSWORD));
        mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", code))
                .andExpect(status().isOk()).andExpect(content().string(containsString("totp-error")));
        // and an earlier step's code too
        mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", currentCode(secret)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("totp-error")));
    }

    @Test
    void wrongCodesCountTowardsTheLockout() throws Exception {
        String name = AccountAdministrationTest.unique("totplock");
        long id = SystemPrincipal.call("test set-up", () -> accounts.createUser(name, PASSWORD, "锁定", Role.SUPERVISOR, null).id());
        SystemPrincipal.run("test set-up", () -> totp.confirmEnrolment(id, currentCode(secretOf(totp.startEnrolment(id)))));
        Cookie session = WebSessions.cookie(WebSessions.login(mvc, name, PASSWORD));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", "12345" + i));
        }
        assertThat(totp.locked(id)).isTrue();
        assertThat(WebSessions.login(mvc, name, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void switchingTheSecondFactorOffOrRenewingRecoveryCodesAsksForThePassword() throws Exception {
        String name = AccountAdministrationTest.unique("totpoff");
        long id = SystemPrincipal.call("test set-up", () -> accounts.createUser(name, PASSWORD, "关闭", Role.SUPERVISOR, null).id());
        SystemPrincipal.run("test set-up", () -> totp.confirmEnrolment(id, currentCode(secretOf(totp.startEnrolment(id)))));
        var as = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(userDetails.loadUserByUsername(name));

        mvc.perform(post("/account/totp/recovery-codes").with(as).with(csrf()))
                .andExpect(redirectedUrl("/account/totp"));
        mvc.perform(post("/account/totp/disable").with(as).with(csrf()).param("password", "not the password"))
                .andExpect(redirectedUrl("/account/totp"));
        mvc.perform(post("/account/totp/disable").with(as).with(csrf()));
        assertThat(totp.enabled(id)).as("no password, wrong password: still on").isTrue();

        mvc.perform(post("/account/totp/recovery-codes").with(as).with(csrf()).param("password", PASSWORD))
                .andExpect(status().isOk()).andExpect(content().string(containsString("recovery-codes")));
        mvc.perform(post("/account/totp/disable").with(as).with(csrf()).param("password", PASSWORD));
        assertThat(totp.enabled(id)).isFalse();
    }
}
