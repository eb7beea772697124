package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole closed loop in a real browser, on a phone screen for grid staff: staff reports with a
 * photo, the supervisor files and dispatches, staff accepts and reports it handled, the supervisor
 * verifies and closes, and the timeline shows every step.
 */
class IssueLoopBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIssueGoesRoundTheWholeLoop() throws IOException {
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("staff");
        open("/issues/new");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#issue-map .leaflet-container, #issue-map.leaflet-container")));
        long lampId = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        new Select(browser.findElement(By.id("categoryId"))).selectByValue(String.valueOf(lampId));
        browser.findElement(By.id("description")).sendKeys("浏览器测试：村口路灯不亮");
        // a tap on the map fills the location
        browser.findElement(By.id("issue-map")).click();
        assertThat(browser.findElement(By.id("longitude")).getDomProperty("value")).isNotEmpty();
        setValue("longitude", "115.0265");
        setValue("latitude", "37.5835");
        browser.findElement(By.id("photos")).sendKeys(photo().getAbsolutePath());
        Browser.screenshot("issue-report-phone");
        click(By.id("issue-submit"));

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("issue-status")));
        assertThat(text(By.id("issue-status"))).isEqualTo("已上报");
        String issueUrl = browser.getCurrentUrl();
        WebElement thumb = browser.findElement(By.cssSelector("#issue-photos img.issue-thumb"));
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", thumb)).intValue())
                .isPositive();
        logout();

        Browser.desktop();
        loginAs("supervisor");
        browser.get(issueUrl);
        click(By.cssSelector("#action-file button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已立案"));
        long staffId = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        new Select(browser.findElement(By.id("dispatch-assignee"))).selectByValue("user:" + staffId);
        click(By.cssSelector("#action-dispatch button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已派遣"));
        assertThat(text(By.id("issue-deadline"))).isNotBlank();
        logout();

        Browser.phone();
        loginAs("staff");
        // the badge sits in the collapsed menu on a phone: read its text rather than what is visible
        assertThat(browser.findElement(By.id("notification-count")).getDomProperty("textContent")).isNotBlank();
        browser.get(issueUrl);
        click(By.cssSelector("#action-accept button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "处置中"));
        browser.findElement(By.id("feedback")).sendKeys("已更换灯泡，恢复照明。");
        browser.findElement(By.id("after-photos")).sendKeys(photo().getAbsolutePath());
        click(By.cssSelector("#action-handled button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "处置完成"));
        assertThat(browser.findElements(By.cssSelector("#issue-photos img.issue-thumb-after"))).hasSize(1);
        logout();

        Browser.desktop();
        loginAs("supervisor");
        browser.get(issueUrl);
        click(By.cssSelector("#action-close button[type=submit]"));
        waitFor(ExpectedConditions.alertIsPresent()).accept();
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已结案"));
        assertThat(browser.findElements(By.cssSelector("#issue-actions form"))).isEmpty();

        List<String> steps = browser.findElements(By.cssSelector("#issue-timeline .timeline-entry")).stream()
                .map(e -> e.getDomAttribute("data-action")).toList();
        assertThat(steps).containsExactly("REPORT", "FILE", "DISPATCH", "ACCEPT", "HANDLED", "CLOSE");
        assertThat(text(By.id("issue-timeline"))).contains("李秀英", "王建国", "已更换灯泡，恢复照明。");
        Browser.screenshot("issue-closed-timeline");
    }

    private void setValue(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void click(By by) {
        WebElement e = browser.findElement(by);
        // a JavaScript click: on a 360 px screen the fixed map or footer can cover the button mid-scroll
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }

    private static File photo() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        File file = File.createTempFile("issue-photo", ".png");
        file.deleteOnExit();
        ImageIO.write(image, "png", file);
        return file;
    }
}
