package org.gridwork.account;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.hamcrest.Matchers;

@IntegrationTest
class LoginLockoutTest {

    static final String PASSWORD = "lockout test password";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    String newUser() {
        String name = AccountAdministrationTest.unique("lock");
        SystemPrincipal.run("test set-up", () -> accounts.createUser(name, PASSWORD, "锁定测试", Role.GRID_STAFF, null));
        return name;
    }

    String redirectAfter(String user, String password, String address) throws Exception {
        return WebSessions.loginFrom(mvc, user, password, address).getResponse().getRedirectedUrl();
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenForTheRightPassword() throws Exception {
        String user = newUser();
        for (int i = 0; i < 4; i++) {
            assertThat(redirectAfter(user, "wrong-" + i, "10.1.0." + i)).isEqualTo("/login?error");
        }
        assertThat(redirectAfter(user, PASSWORD, "10.1.0.9")).as("4 failures do not lock").isEqualTo("/today");
        for (int i = 0; i < 5; i++) {
            redirectAfter(user, "wrong-" + i, "10.1.1." + i);
        }
        assertThat(redirectAfter(user, PASSWORD, "10.1.1.9")).isEqualTo("/login?error");
        long id = accounts.findByUsername(user).orElseThrow().id();
        assertThat(accounts.userDetail(id).locked()).isTrue();

        SystemPrincipal.run("test set-up", () -> accounts.unlockUser(id));
        assertThat(redirectAfter(user, PASSWORD, "10.1.1.9")).isEqualTo("/today");
    }

    @Test
    void theMessageIsTheSameForUnknownUsersWrongPasswordsAndLockedAccounts() throws Exception {
        String user = newUser();
        for (int i = 0; i < 5; i++) {
            redirectAfter(user, "wrong", "10.2.0.1");
        }
        assertThat(redirectAfter("nobody-by-this-name", "whatever", "10.2.0.2")).isEqualTo("/login?error");
        assertThat(redirectAfter("staff", "wrong password", "10.2.0.3")).isEqualTo("/login?error");
        assertThat(redirectAfter(user, PASSWORD, "10.2.0.4")).isEqualTo("/login?error");
        mvc.perform(get("/login?error").header("Accept-Language", "en"))
                .andExpect(content().string(Matchers.containsString("Wrong user name or password.")));
    }

    @Test
    void tooManyFailuresFromOneAddressBlockItForEveryUserName() throws Exception {
        String address = "10.3." + (System.nanoTime() % 200) + ".7";
        for (int i = 0; i < 30; i++) {
            redirectAfter("probe" + i, "guess", address);
        }
        // the right password of a real user is refused from that address, accepted from another
        assertThat(redirectAfter("supervisor", "gridwork-demo", address)).isEqualTo("/login?error");
        assertThat(redirectAfter("supervisor", "gridwork-demo", "10.4.0.1")).isEqualTo("/");
    }
}
