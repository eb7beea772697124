package org.gridwork.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class LoginJourneyBrowserTest extends BrowserTestSupport {

    @ParameterizedTest(name = "{0} logs in, sees the home page, switches language and logs out")
    @CsvSource({
            "admin, ADMIN, 系统管理员, Administrator",
            "supervisor, SUPERVISOR, 网格长, Supervisor",
            "staff, GRID_STAFF, 网格员, Grid staff",
            "staff2, GRID_STAFF, 网格员, Grid staff",
            "handler, HANDLER, 职能部门处置人员, Department handler"})
    void eachDemoUserLogsInSwitchesLanguageAndLogsOut(String username, String role, String chineseRole,
            String englishRole) {
        useLanguage("zh_CN");
        loginAs(username);

        open("/"); // grid staff land on /today after login (issue 18); the home page is still there
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home")));
        assertThat(browser.findElement(By.id("home")).getAttribute("data-role")).isEqualTo(role);
        assertThat(text(By.tagName("h1"))).startsWith("您好");
        assertThat(browser.findElement(By.id("current-user")).getAttribute("textContent")).contains(chineseRole);
        if (username.equals("supervisor")) {
            Browser.screenshot("home-supervisor");
        }

        open("/?lang=en");
        assertThat(text(By.tagName("h1"))).startsWith("Hello");
        assertThat(browser.findElement(By.id("current-user")).getAttribute("textContent")).contains(englishRole);

        logout();
        assertThat(text(By.id("logout-done"))).isEqualTo("You have been logged out.");
        open("/");
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    @Test
    void wrongPasswordShowsAMessageAndStaysOnTheLoginPage() {
        useLanguage("zh_CN");
        loginAs("staff", "not-the-password");

        assertThat(text(By.id("login-error"))).startsWith("用户名或密码错误");
        assertThat(browser.getCurrentUrl()).contains("/login");
        Browser.screenshot("login");
    }

    @Test
    void staffSeesOnlyTheirOwnGridsOnAPhoneScreen() {
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("staff");

        open("/"); // grid staff land on /today after login (issue 18)
        String grids = text(By.id("my-grids"));
        assertThat(grids).contains("130528112201-001", "130528112201-002").doesNotContain("130528112202");
        Browser.screenshot("home-staff-phone");
    }
}
