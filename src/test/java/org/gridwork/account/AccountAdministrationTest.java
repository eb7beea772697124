package org.gridwork.account;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class AccountAdministrationTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    static String unique(String prefix) {
        return prefix + System.nanoTime() % 1_000_000 + SEQ.incrementAndGet();
    }

    Cookie admin() throws Exception {
        return WebSessions.cookie(WebSessions.login(mvc, "admin", "gridwork-demo"));
    }

    @Test
    void demoUsersAreNotForcedToChangeTheirPassword() throws Exception {
        mvc.perform(get("/").cookie(WebSessions.cookie(WebSessions.login(mvc, "staff", "gridwork-demo"))))
                .andExpect(status().isOk());
    }

    @Test
    void adminCreatesAUserWhoMustChangeTheTemporaryPasswordAtFirstLogin() throws Exception {
        Cookie admin = admin();
        String name = unique("newstaff");
        MvcResult created = mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", name).param("displayName", "新网格员").param("role", "GRID_STAFF")
                        .param("phone", "13912345678"))
                .andExpect(redirectedUrlPattern("/admin/users/*")).andReturn();
        AccountService.NewPassword np = (AccountService.NewPassword) created.getFlashMap().get("newPassword");
        assertThat(np.password()).hasSize(14);
        mvc.perform(get(created.getResponse().getRedirectedUrl()).cookie(admin).flashAttr("newPassword", np))
                .andExpect(content().string(containsString(np.password())))
                .andExpect(content().string(containsString("13912345678")));

        MvcResult login = WebSessions.login(mvc, name, np.password());
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        Cookie user = WebSessions.cookie(login);
        // every other page waits until the password is changed
        mvc.perform(get("/").cookie(user)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").cookie(user).with(csrf()).header("Accept-Language", "en")
                        .param("current", np.password()).param("newPassword", "1234567890").param("repeat", "1234567890"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("10,000")));
        mvc.perform(post("/account/password").cookie(user).with(csrf())
                        .param("current", np.password()).param("newPassword", "short").param("repeat", "short"))
                .andExpect(status().isOk());
        mvc.perform(post("/account/password").cookie(user).with(csrf())
                        .param("current", np.password()).param("newPassword", "river under the bridge").param("repeat", "river under the bridge"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(user)).andExpect(status().isOk());
        // grid staff start on their today list (issue 18)
        assertThat(WebSessions.login(mvc, name, "river under the bridge").getResponse().getRedirectedUrl()).isEqualTo("/today");
    }

    @Test
    void phoneNumbersAreStoredEncryptedAndFoundByExactValue() {
        String name = unique("phone");
        var np = SystemPrincipal.call("test set-up", () -> accounts.createUserByAdmin(name, "电话测试", Role.GRID_STAFF, null, "139 0000 1111", false));
        String stored = jdbc.queryForObject("select phone from app_user where id = ?", String.class, np.userId());
        assertThat(stored).doesNotContain("13900001111").startsWith("demo1:");
        assertThat(accounts.findByPhone("13900001111")).extracting(UserSummary::username).contains(name);
        assertThat(accounts.userDetail(np.userId()).phone()).isEqualTo("13900001111");
    }

    @Test
    void aUsersPhoneWrittenThreeWaysIsOneNumberAndANonNumberIsRefused() {
        String name = unique("landline");
        // the admin's work, done here as the system (service methods check the caller's role too)
        var np = SystemPrincipal.call("test set-up",
                () -> accounts.createUserByAdmin(name, "座机测试", Role.GRID_STAFF, null, "(0319) 501-2346", false));
        for (String typed : new String[] {"0319-5012346", "03195012346", "+86 319 501 2346"}) {
            assertThat(accounts.findByPhone(typed)).as(typed).extracting(UserSummary::username).containsExactly(name);
        }
        assertThat(accounts.userDetail(np.userId()).phone()).isEqualTo("0319-5012346");
        assertThat(accounts.findByPhone("not a number")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemPrincipal.call("test set-up",
                () -> accounts.createUserByAdmin(unique("bad"), "坏号码", Role.GRID_STAFF, null, "12345", false)))
                .hasMessageContaining("resident.phone.invalid");
        // a number stored the old way (hash of the digits as typed) is normalised at start-up
        jdbc.update("update app_user set phone_index = 'old' where id = ?", np.userId());
        assertThat(SystemPrincipal.call("test set-up", accounts::normaliseStoredPhones)).isPositive();
        assertThat(accounts.findByPhone("03195012346")).extracting(UserSummary::username).containsExactly(name);
    }

    @Test
    void disablingAUserEndsTheirSessionsAtOnce() throws Exception {
        String name = unique("leaver");
        SystemPrincipal.run("test set-up", () -> accounts.createUser(name, "a long enough password", "离职人员", Role.GRID_STAFF, null));
        long id = accounts.findByUsername(name).orElseThrow().id();
        Cookie user = WebSessions.cookie(WebSessions.login(mvc, name, "a long enough password"));
        mvc.perform(get("/").cookie(user)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/" + id + "/disable").cookie(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + id));

        mvc.perform(get("/").cookie(user)).andExpect(redirectedUrl("/login"));
        assertThat(WebSessions.login(mvc, name, "a long enough password").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        mvc.perform(post("/admin/users/" + id + "/enable").cookie(admin()).with(csrf()));
        assertThat(WebSessions.login(mvc, name, "a long enough password").getResponse().getRedirectedUrl()).isEqualTo("/today");
    }

    @Test
    void resetPasswordGivesATemporaryPasswordAndLogsTheUserOut() throws Exception {
        String name = unique("forgot");
        SystemPrincipal.run("test set-up", () -> accounts.createUser(name, "my old long password", "忘记密码", Role.SUPERVISOR, null));
        long id = accounts.findByUsername(name).orElseThrow().id();
        Cookie user = WebSessions.cookie(WebSessions.login(mvc, name, "my old long password"));
        MvcResult reset = mvc.perform(post("/admin/users/" + id + "/reset-password").cookie(admin()).with(csrf())).andReturn();
        String temporary = ((AccountService.NewPassword) reset.getFlashMap().get("newPassword")).password();
        mvc.perform(get("/").cookie(user)).andExpect(redirectedUrl("/login"));
        assertThat(WebSessions.login(mvc, name, temporary).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
    }

    @Test
    void adminFormsShowProblemsNextToTheFieldsInsteadOfFailing() throws Exception {
        Cookie admin = admin();
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", "admin").param("displayName", "x").param("role", "ADMIN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("admin")))
                .andExpect(content().string(containsString("alert-danger")));
        mvc.perform(post("/admin/users").cookie(admin).with(csrf())
                        .param("username", unique("h")).param("displayName", "处置").param("role", "HANDLER"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("alert-danger")));
        mvc.perform(post("/admin/departments").cookie(admin).with(csrf()).param("code", "HK-PCS").param("name", "重复"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));
        mvc.perform(get("/admin/users/99999999").cookie(admin)).andExpect(status().isNotFound());
        // values that cannot even be converted (exactly as wapiti sent them) never give a 500
        mvc.perform(post("/admin/departments").cookie(admin).with(csrf()).param("code", "").param("name", "")
                        .param("active", "true\u00bf'\"(").param("_active", "on"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(200, 400));
        mvc.perform(post("/admin/departments").cookie(admin).with(csrf()).param("code", "X1").param("name", "x")
                        .param("active", "true\u00bf'\"("))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(200, 400));
        mvc.perform(post("/admin/users").cookie(admin).with(csrf()).param("username", unique("r"))
                .param("displayName", "x").param("role", "NO_SUCH_ROLE")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"role-error\"")));
    }

    @Test
    void adminManagesDepartments() throws Exception {
        Cookie admin = admin();
        String code = "T-" + SEQ.incrementAndGet() + System.nanoTime() % 10000;
        mvc.perform(post("/admin/departments").cookie(admin).with(csrf()).param("code", code).param("name", "测试站").param("active", "true"))
                .andExpect(redirectedUrl("/admin/departments"));
        DepartmentSummary d = accounts.findDepartmentByCode(code).orElseThrow();
        mvc.perform(post("/admin/departments/" + d.id()).cookie(admin).with(csrf()).param("name", "测试站（撤销）"))
                .andExpect(redirectedUrl("/admin/departments"));
        assertThat(accounts.department(d.id()).active()).isFalse();
        mvc.perform(get("/admin/departments").cookie(admin)).andExpect(content().string(containsString("测试站（撤销）")));
    }

    @Test
    void usersListSearchesByNameAndRole() throws Exception {
        Cookie admin = admin();
        mvc.perform(get("/admin/users").param("q", "staff").param("role", "GRID_STAFF").cookie(admin))
                .andExpect(content().string(containsString("data-username=\"staff2\"")))
                .andExpect(content().string(not(containsString("data-username=\"supervisor\""))));
        mvc.perform(get("/admin/users").param("q", "no-such-user-anywhere").cookie(admin))
                .andExpect(content().string(containsString("users-empty")));
    }

    @Test
    void onlyAdminsReachTheAdministration() throws Exception {
        Cookie staff = WebSessions.cookie(WebSessions.login(mvc, "supervisor", "gridwork-demo"));
        mvc.perform(get("/admin/users").cookie(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/departments").cookie(staff)).andExpect(status().isForbidden());
    }
}
