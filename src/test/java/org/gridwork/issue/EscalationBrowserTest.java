package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
 * Up the chain in a real browser on a 360 px phone: the town escalates a filed issue, the county
 * centre files it and dispatches it to 住建局 with 应急管理局 co-handling, 住建局 accepts and
 * reports it handled, the town verifies and closes it; the timeline shows every hop with its level.
 */
class EscalationBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void escalateCountyDispatchHandleAndVerifyAtTheTown() {
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("supervisor");
        long id = filedIssue();
        open("/issues/" + id);
        browser.findElement(By.id("reason-ESCALATE")).sendKeys("危房鉴定超出镇级能力");
        click(By.cssSelector("#action-escalate button[type=submit]"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("issue-level")));
        assertThat(text(By.id("issue-level"))).isEqualTo("县综治中心办理中");
        assertThat(browser.findElements(By.id("action-dispatch"))).isEmpty();
        leave();

        loginAs("county");
        open("/issues/" + id);
        click(By.cssSelector("#action-file_at_county button[type=submit]"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("action-dispatch_at_county")));
        long lead = dept("NJ-ZJJ");
        new Select(browser.findElement(By.id("county-lead"))).selectByValue(String.valueOf(lead));
        click(By.id("co-" + dept("NJ-YJJ")));
        Browser.screenshot("escalation-county-dispatch-phone");
        click(By.cssSelector("#action-dispatch_at_county button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已派遣"));
        assertThat(text(By.id("issue-assignee"))).isEqualTo("宁晋县住房和城乡建设局");
        assertThat(text(By.id("chain-co-handlers"))).contains("宁晋县应急管理局");
        leave();

        loginAs("zjj");
        open("/issues/" + id);
        click(By.cssSelector("#action-accept button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "处置中"));
        browser.findElement(By.id("feedback")).sendKeys("已鉴定为危房，完成拆除。");
        click(By.cssSelector("#action-handled button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "处置完成"));
        leave();

        loginAs("county");
        open("/issues/" + id);
        assertThat(browser.findElements(By.id("action-close"))).isEmpty();
        leave();

        loginAs("supervisor");
        open("/issues/" + id);
        click(By.cssSelector("#action-close button[type=submit]"));
        waitFor(ExpectedConditions.alertIsPresent()).accept();
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已结案"));
        List<String> steps = browser.findElements(By.cssSelector("#issue-timeline .timeline-entry")).stream()
                .map(e -> e.getDomAttribute("data-action")).toList();
        assertThat(steps).containsSubsequence("FILE", "ESCALATE", "FILE_AT_COUNTY", "DISPATCH_AT_COUNTY", "ACCEPT", "HANDLED",
                "CLOSE");
        String timeline = text(By.id("issue-timeline"));
        assertThat(timeline).contains("县级", "乡镇", "刘志刚", "王建国", "孙立新");
        // nothing sticks out of a 360 px screen
        assertThat(overflow()).isLessThanOrEqualTo(0);
        assertThat(text(By.id("issue-level"))).isEqualTo("县级办理");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('issue-timeline').scrollIntoView({behavior: 'instant'})");
        Browser.screenshot("escalation-timeline-phone");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo({top: 0, behavior: 'instant'})"); // the menu button is at the top
        leave();

        // the county's lists behind its figures, on the phone too: the whistle that was not answered
        // in time (demo: 市场监管局) and the work outside the list waiting for its approval
        loginAs("county");
        open("/whistles?missed=true");
        assertThat(text(By.id("whistle-list"))).contains("宁晋县市场监督管理局", "未按时报到");
        assertThat(overflow()).isLessThanOrEqualTo(0);
        Browser.screenshot("whistles-missed-phone");
        open("/tasks/approvals");
        assertThat(text(By.id("task-approvals"))).contains("辖区商户营业执照信息统计", "王建国");
        assertThat(overflow()).isLessThanOrEqualTo(0);
        Browser.screenshot("task-approvals-phone");
        open("/dashboard?node=130528");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("chain-figures")));
        assertThat(text(By.id("chain-figures"))).contains("吹哨未按时报到", "清单外事项");
        assertThat(overflow()).isLessThanOrEqualTo(0);
    }

    /** Logs out from a desktop-wide window: on a phone the supervisors' menu now reaches below the screen. */
    private void leave() {
        Browser.desktop();
        logout();
        Browser.phone();
    }

    private int overflow() {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    /** A new issue in 侯口一村, filed by the town (through the services' tables: the loop's start is tested elsewhere). */
    private long filedIssue() {
        open("/issues/new");
        long category = jdbc.queryForObject("select id from issue_category where code = 'SAFETY_BUILDING'", Long.class);
        new Select(browser.findElement(By.id("categoryId"))).selectByValue(String.valueOf(category));
        browser.findElement(By.id("description")).sendKeys("浏览器测试：废弃厂房彩钢棚顶松动");
        setValue("longitude", "115.0275");
        setValue("latitude", "37.5875");
        click(By.id("issue-submit"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("issue-status")));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/issues/([0-9]+).*", "$1"));
        click(By.cssSelector("#action-file button[type=submit]"));
        waitFor(ExpectedConditions.textToBe(By.id("issue-status"), "已立案"));
        return id;
    }

    private long dept(String code) {
        return jdbc.queryForObject("select id from department where code = ?", Long.class, code);
    }

    private void setValue(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private void click(By by) {
        WebElement e = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }
}
