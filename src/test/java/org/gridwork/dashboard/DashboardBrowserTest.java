package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwork.account.AccountService;
import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.task.TaskService;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

class DashboardBrowserTest extends BrowserTestSupport {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    StaffAssignments assignments;

    @Autowired
    AccountService accounts;

    @Autowired
    TaskService tasks;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    @BeforeEach
    void craftedTown() {
        DashboardTown.ensure(regions, grids, assignments, accounts, tasks, users, dashboard, jdbc);
    }

    @Test
    void anAdminDrillsDownFromTheCountyToOneGridAndOpensTheListBehindAFigure() {
        useLanguage("zh_CN");
        loginAs("admin");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home")));
        // the county by its code: other tests import provinces of their own, which then sit beside it
        open("/dashboard?node=130528");
        assertThat(browser.findElement(By.id("dashboard")).getAttribute("data-level")).isEqualTo("COUNTY");
        assertThat(text(By.id("as-of"))).startsWith("数据更新于");
        waitFor(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("dashboard-map")), "data-loaded"));
        assertThat(browser.findElements(By.cssSelector("canvas.dashboard-chart"))).isNotEmpty();
        Browser.screenshot("dashboard-county");

        drillInto(DashboardTown.TOWN);
        assertThat(text(By.id("node-name"))).isEqualTo("看板测试镇");
        assertThat(text(By.cssSelector("#figure-TASKS_OPEN .figure-value"))).isEqualTo("3");
        drillInto(DashboardTown.VILLAGE_1);
        assertThat(text(By.cssSelector("#children tr[data-code='" + DashboardTown.GRID_1 + "'] td[data-figure='TASKS_OVERDUE']")))
                .isEqualTo("1");
        drillInto(DashboardTown.GRID_1);
        assertThat(browser.findElement(By.id("dashboard")).getAttribute("data-level")).isEqualTo("GRID");
        assertThat(text(By.id("breadcrumbs"))).contains("宁晋县", "看板测试镇", "看板一村", "看板一村第一网格");
        assertThat(text(By.cssSelector("#figure-TASKS_OPEN .figure-value"))).isEqualTo("2");
        waitFor(ExpectedConditions.attributeToBe(By.id("dashboard-map"), "data-loaded", "1"));
        Browser.screenshot("dashboard-grid");

        WebElement overdue = browser.findElement(By.cssSelector("#figure-TASKS_OVERDUE .figure-value a"));
        follow(overdue);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("task-list")));
        assertThat(browser.getCurrentUrl()).contains("state=overdue", "node=" + DashboardTown.GRID_1);
        assertThat(text(By.id("tasks"))).contains("看板任务二").doesNotContain("看板任务一");
        assertThat(browser.findElements(By.cssSelector("#tasks tbody tr"))).hasSize(1);
    }

    private void drillInto(String code) {
        WebElement link = browser.findElement(By.cssSelector("#children tr[data-code='" + code + "'] a.drill"));
        follow(link);
        waitFor(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-node", code));
    }

    /** Follows a link from the keyboard, as a click could land on the map drawn over the page. */
    private void follow(WebElement link) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
        link.sendKeys(org.openqa.selenium.Keys.ENTER);
    }
}
