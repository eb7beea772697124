package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.gridwork.dashboard.DashboardService;
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
 * A resident on a 360 px phone reports without logging in and gets a code; the supervisor finds the
 * report in the queue and the loop runs; the resident follows and rates it from the tracking page;
 * the rate shows on the dashboard.
 */
class PublicReportBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DashboardService dashboard;

    @Test
    void aResidentReportsFollowsAndRatesAndTheRateReachesTheDashboard() throws IOException {
        Browser.phone();
        useLanguage("zh_CN");
        open("/public/report");
        // the grid outlines are drawn (no tiles are reachable here)
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#public-map[data-ready='true']")));
        assertThat(browser.findElements(By.cssSelector("#public-map path.leaflet-interactive"))).isNotEmpty();
        long sewage = jdbc.queryForObject("select id from issue_category where code = 'ENV_SEWAGE'", Long.class);
        new Select(browser.findElement(By.id("categoryId"))).selectByValue(String.valueOf(sewage));
        browser.findElement(By.id("description")).sendKeys("浏览器测试：村南污水外溢");
        browser.findElement(By.id("public-map")).click(); // a tap sets the point
        assertThat(browser.findElement(By.id("longitude")).getDomProperty("value")).isNotEmpty();
        setValue("longitude", "115.0258");
        setValue("latitude", "37.5832");
        browser.findElement(By.id("photos")).sendKeys(photo().getAbsolutePath());
        browser.findElement(By.id("phone")).sendKeys("13811112222");
        Browser.screenshot("public-report-phone");
        click(By.id("public-submit"));
        waitFor(d -> !d.findElements(By.id("new-code")).isEmpty() || !d.findElements(By.id("public-duplicate")).isEmpty());
        if (!browser.findElements(By.id("public-duplicate")).isEmpty()) {
            // another test left an open report of the kind close by: say it is a different one
            click(By.id("notDuplicate1"));
            browser.findElement(By.id("photos")).sendKeys(photo().getAbsolutePath());
            click(By.id("public-submit"));
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id("new-code")));
        }
        String code = text(By.id("new-code"));
        assertThat(code).matches("[23456789A-HJ-NP-Z]{10}");
        assertThat(text(By.id("track-status"))).contains("已收到");
        assertThat(text(By.tagName("body"))).doesNotContain("13811112222");
        Browser.screenshot("public-track-received-phone");
        long id = jdbc.queryForObject("select issue_id from public_report where tracking_code = ?", Long.class, code);

        Browser.desktop();
        loginAs("supervisor");
        open("/issues?view=AWAITING_FILING");
        assertThat(browser.findElements(By.cssSelector("a.issue-row[href$='/issues/" + id + "']"))).hasSize(1);
        open("/issues/" + id);
        click(By.cssSelector("#action-file button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已立案"));
        long staffId = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        new Select(browser.findElement(By.id("dispatch-assignee"))).selectByValue("user:" + staffId);
        click(By.cssSelector("#action-dispatch button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已派遣"));
        logout();

        Browser.phone();
        loginAs("staff");
        open("/issues/" + id);
        click(By.cssSelector("#action-accept button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "处置中"));
        browser.findElement(By.id("feedback")).sendKeys("已疏通管道（网格员李秀英）");
        browser.findElement(By.id("after-photos")).sendKeys(photo().getAbsolutePath());
        click(By.cssSelector("#action-handled button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "处置完成"));
        logout();

        Browser.desktop();
        loginAs("supervisor");
        open("/issues/" + id);
        click(By.cssSelector("#action-close button[type=submit]"));
        waitFor(ExpectedConditions.alertIsPresent()).accept();
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已结案"));
        logout();
        browser.manage().deleteAllCookies();

        Browser.phone();
        useLanguage("zh_CN");
        open("/public/track/" + code);
        assertThat(text(By.id("track-status"))).contains("已办结");
        assertThat(browser.findElements(By.cssSelector("#track-photos img"))).hasSize(1);
        assertThat(text(By.id("track-timeline"))).contains("您提交了上报", "处理完成", "核查通过，已办结")
                .doesNotContain("李秀英").doesNotContain("王建国");
        click(By.cssSelector("label[for='rate-SATISFIED']"));
        browser.findElement(By.id("comment")).sendKeys("处理很及时");
        Browser.screenshot("public-track-rate-phone");
        click(By.id("rating-submit"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("public-rated")));
        assertThat(text(By.id("track-rating"))).contains("满意");
        assertThat(browser.findElements(By.id("rating-form"))).isEmpty();

        dashboard.refreshNow();
        Browser.desktop();
        loginAs("supervisor");
        open("/dashboard");
        String figure = text(By.cssSelector("#figure-PUBLIC_SATISFACTION .figure-value"));
        assertThat(figure).contains("%");
        Browser.screenshot("dashboard-satisfaction");
        click(By.cssSelector("#figure-PUBLIC_SATISFACTION .figure-value a"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("ratings-summary")));
        assertThat(browser.findElements(By.cssSelector(".rating-row a[href$='/issues/" + id + "']"))).hasSize(1);
    }

    private void setValue(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void click(By by) {
        WebElement e = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }

    private static File photo() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        File file = File.createTempFile("public-photo", ".png");
        file.deleteOnExit();
        ImageIO.write(image, "png", file);
        return file;
    }
}
