package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class ResidentPagesBrowserTest extends BrowserTestSupport {

    private void tap(By by) {
        WebElement e = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    @Test
    void staffRegistersAResidentSeesErrorsNextToFieldsAndRevealsTheIdNumberOnPurpose() {
        useLanguage("zh_CN");
        loginAs("staff");
        open("/residents/new");
        browser.findElement(By.id("name")).sendKeys("王测试");
        browser.findElement(By.id("idNumber")).sendKeys("110105194912310021");
        browser.findElement(By.id("phone")).sendKeys("12345");
        tap(By.id("resident-save"));

        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".invalid-feedback")));
        assertThat(browser.findElement(By.id("resident-form")).getText())
                .contains("校验位与前 17 位不符", "请填写 11 位手机号", "请选择网格");
        Browser.screenshot("resident-form-errors");

        String number = TestResidents.nextIdNumber(LocalDate.of(1948, 4, 4), true);
        browser.findElement(By.id("idNumber")).clear();
        browser.findElement(By.id("idNumber")).sendKeys(number);
        browser.findElement(By.id("phone")).clear();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("gridId"))).selectByIndex(1);
        tap(By.id("tags1"));
        tap(By.id("resident-save"));

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("resident-page")));
        assertThat(text(By.id("resident-name"))).isEqualTo("王测试");
        assertThat(text(By.id("id-number-masked"))).isEqualTo(IdNumber.mask(number));
        assertThat(browser.getPageSource()).doesNotContain(number);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#care-plans-card .care-plan")));
        Browser.screenshot("resident-page");

        tap(By.id("show-id-number"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("id-number-full")));
        assertThat(text(By.id("id-number-full"))).isEqualTo(number);
    }

    @Test
    void supervisorSeesCoverageByGridAndTheOverdueListBehindAFigure() {
        useLanguage("zh_CN");
        loginAs("supervisor");
        open("/care/coverage");
        assertThat(browser.findElements(By.cssSelector("#coverage-table tbody tr"))).hasSize(24);
        Browser.screenshot("care-coverage");
        tap(By.cssSelector("#coverage-table a.overdue-link"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("overdue-list")));
        assertThat(browser.findElements(By.cssSelector("#overdue-list li"))).isNotEmpty();
        assertThat(text(By.id("overdue-list"))).contains("逾期");
    }

    @Test
    void residentListOnAPhone() {
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("staff");
        open("/residents");
        assertThat(browser.findElements(By.cssSelector("#resident-table tbody tr"))).isNotEmpty();
        assertThat(browser.getPageSource()).doesNotContainPattern("130528\\d{12}");
        Browser.screenshot("residents-phone");
    }

    @Test
    void choosingAVillageReloadsTheListWithThatVillagesGridsOnly() {
        useLanguage("zh_CN");
        loginAs("supervisor");
        open("/residents");
        var village = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("villageId")));
        village.selectByIndex(2);
        waitFor(ExpectedConditions.urlContains("villageId="));
        var grids = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("gridId")));
        // the village's own grids remain on offer, and the rows all lie in them
        java.util.List<String> offered = grids.getOptions().stream().skip(1).map(o -> o.getText()).toList();
        assertThat(offered).isNotEmpty().allMatch(t -> t.contains("130528112202-"));
        assertThat(browser.findElements(By.cssSelector("#resident-table tbody tr td:nth-child(4)")))
                .isNotEmpty().allMatch(td -> td.getAttribute("textContent").contains("130528112202-"));
    }
}
