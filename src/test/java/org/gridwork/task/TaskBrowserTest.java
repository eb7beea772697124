package org.gridwork.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class TaskBrowserTest extends BrowserTestSupport {

    @Autowired
    TaskService tasks;

    @Autowired
    Grids grids;

    @Test
    void supervisorGivesATaskToAGridStaffMarksItDoneAndTheMatrixShowsIt() {
        String title = "浏览器测试任务 " + System.nanoTime();
        useLanguage("zh_CN");
        loginAs("supervisor");
        open("/"); // grid staff land on /today after login (issue 18); the home page is still there
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home")));
        open("/tasks/new");
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("instructions")).sendKeys("走访所有独居老人");
        WebElement due = browser.findElement(By.id("dueDate"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", due,
                tasks.today().plusDays(3).toString());
        // 准入清单 (issue 21): a type of work from the list, so the task reaches staff at once
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("typeChoice"))).selectByIndex(1);
        browser.findElement(By.id("mode-GRIDS")).click();
        long gridId = grids.findGridByCode("130528112201-001").orElseThrow().id();
        press(By.cssSelector("label[for='grid-" + gridId + "']"));
        submit(By.id("create-task"));

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("task-matrix")));
        String taskUrl = browser.getCurrentUrl();
        assertThat(text(By.tagName("h1"))).isEqualTo(title);
        assertThat(text(By.id("count-NOT_STARTED"))).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#matrix tbody tr")).getAttribute("data-assignee")).isEqualTo("李秀英");
        logout();

        Browser.phone();
        loginAs("staff");
        open("/"); // grid staff land on /today after login (issue 18); the home page is still there
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home")));
        browser.get(taskUrl);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("progress-form")));
        press(By.cssSelector("label[for='status-DONE']"));
        browser.findElement(By.id("note")).sendKeys("已全部走访");
        Browser.screenshot("task-progress-phone");
        submit(By.id("save-progress"));
        waitFor(ExpectedConditions.attributeToBe(By.id("task-assignment"), "data-status", "DONE"));
        assertThat(text(By.cssSelector(".alert-success"))).contains("进展已保存");
        logout();

        Browser.desktop();
        loginAs("supervisor");
        open("/"); // grid staff land on /today after login (issue 18); the home page is still there
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home")));
        browser.get(taskUrl);
        assertThat(text(By.id("count-DONE"))).isEqualTo("1");
        assertThat(text(By.id("count-NOT_STARTED"))).isEqualTo("0");
        assertThat(text(By.id("percent-done"))).isEqualTo("100%");
        WebElement row = browser.findElement(By.cssSelector("#matrix tbody tr"));
        assertThat(row.getAttribute("data-status")).isEqualTo("DONE");
        assertThat(row.getText()).contains("已全部走访");
        Browser.screenshot("task-matrix");
    }

    /** Scrolls the element to the middle of the screen first, so the footer cannot cover it. */
    private void press(By by) {
        WebElement element = browser.findElement(by);
        // instant: Bootstrap's smooth scrolling would still be moving the page when the click lands
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Presses a submit button from the keyboard (a click could land on whatever overlaps it). */
    private void submit(By by) {
        WebElement button = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.sendKeys(org.openqa.selenium.Keys.ENTER);
    }
}
