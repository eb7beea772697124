package org.gridwork.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class LogVisitFromTodayBrowserTest extends BrowserTestSupport {

    @Test
    void staffLogsAnOverdueVisitFromTodayOnAPhone() {
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("staff");
        open("/today");

        assertThat(text(By.id("count-overdue"))).startsWith("已逾期");
        List<WebElement> items = browser.findElements(By.cssSelector("#today-items a.today-item[data-kind='VISIT']"));
        assertThat(items).isNotEmpty();
        Browser.screenshot("today-staff-phone");
        WebElement first = items.get(0);
        String href = first.getAttribute("href");
        String residentId = href.substring(href.indexOf("residentId=") + "residentId=".length());
        String name = first.findElement(By.cssSelector(".today-title")).getText();
        first.click();

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        assertThat(text(By.id("visit-resident"))).isEqualTo(name);
        tap(By.cssSelector("label[for='condition2']"));
        browser.findElement(By.id("findings")).sendKeys("老人血压偏高，已提醒按时服药");
        browser.findElement(By.id("needs")).sendKeys("希望帮忙预约体检");
        Browser.screenshot("visit-form-phone");
        tap(By.id("visit-submit"));

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-page")));
        assertThat(text(By.cssSelector(".alert-success"))).contains(name);
        assertThat(text(By.id("visit-findings"))).isEqualTo("老人血压偏高，已提醒按时服药");
        assertThat(text(By.id("visit-condition"))).isEqualTo("一般");
        assertThat(browser.findElement(By.id("raise-issue")).getAttribute("href"))
                .contains("/issues/new?visitId=").contains("residentId=" + residentId);

        tap(By.id("back-today"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("today")));
        assertThat(browser.findElements(By.cssSelector("#today-items a[href$='residentId=" + residentId + "']")))
                .as("the visited person has left today's list").isEmpty();
    }

    @Test
    void staffFindsAResidentByTypingAndTheBackButtonDoesNotSaveTwice() {
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("staff");
        open("/residents");
        String name = browser.findElement(By.cssSelector("#resident-table tbody tr td a")).getText();
        open("/visits/new");
        browser.findElement(By.id("resident-q")).sendKeys(name.substring(0, 2));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matches .resident-match")));
        browser.findElement(By.cssSelector("#matches .resident-match")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        tap(By.id("visit-submit"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-page")));
        String firstVisit = browser.findElement(By.id("visit-page")).getAttribute("data-visit-id");

        // the same form sent again (back button, then the form posted once more) lands on the same visit
        browser.navigate().back();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('visit-form').submit();");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("visit-page")));
        assertThat(browser.findElement(By.id("visit-page")).getAttribute("data-visit-id")).isEqualTo(firstVisit);
    }

    /** Scrolls the element into the phone's view first, as a thumb would. */
    private void tap(By by) {
        WebElement e = browser.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }
}
