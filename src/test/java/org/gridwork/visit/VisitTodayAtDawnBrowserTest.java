package org.gridwork.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * At 06:30 in Beijing (still yesterday in UTC and in the JVM's Los Angeles), staff on a 360 px
 * phone logs a visit dated today to an overdue person, and the person leaves the overdue list.
 */
class VisitTodayAtDawnBrowserTest extends BrowserTestSupport {

    @Autowired TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void staffLogsAVisitDatedTodayAtHalfPastSixAndThePersonLeavesTheOverdueList() {
        LocalDate today = LocalDate.now(clock.withZone(TestClock.BEIJING));
        clock.fixAtBeijing(LocalDateTime.of(today, LocalTime.of(6, 30)));
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("staff");
        open("/today");
        assertThat(text(By.cssSelector("#today h1"))).contains(today.toString());

        List<WebElement> overdue = browser.findElements(By.cssSelector("#today-items a.today-item[data-kind='VISIT'].border-danger"));
        assertThat(overdue).as("someone is overdue").isNotEmpty();
        WebElement first = overdue.get(0);
        String href = first.getAttribute("href");
        String residentId = href.substring(href.indexOf("residentId=") + "residentId=".length());
        first.click();

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        WebElement date = browser.findElement(By.id("visitedOn"));
        assertThat(date.getAttribute("value")).as("the form is dated today in Beijing").isEqualTo(today.toString());
        assertThat(date.getAttribute("max")).isEqualTo(today.toString());
        WebElement submit = browser.findElement(By.id("visit-submit"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
        submit.click();

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-page")));
        Browser.screenshot("visit-today-at-dawn-phone");
        open("/today");
        assertThat(browser.findElements(By.cssSelector("#today-items a[href$='residentId=" + residentId + "']")))
                .as("the visited person has left the overdue list").isEmpty();
    }
}
