package org.gridwork.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gridwork.resident.ResidentService;
import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.support.SecondTown;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 20's walk-through: a supervisor launches a campaign over one grid; on a 360 px phone the
 * grid's staff member checks three households (one done, one nobody home, one with a problem
 * that raises an issue); the progress figures and the export agree with those answers.
 */
class CampaignBrowserTest extends BrowserTestSupport {

    static final String GRID = "130528112201-002";

    @Autowired
    CampaignService campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResidentService residents;

    @Autowired
    UserDetailsService users;

    @Test
    void staffAnswerThreeHouseholdsOnAPhoneAndTheProgressAndExportAgree() {
        String title = "浏览器排查 " + System.nanoTime();
        newFloodCampaignAsSupervisor(title);
        browser.findElement(By.id("areaCode")).sendKeys(GRID);
        submit(By.id("launch-campaign"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("campaign-page")));
        String campaignUrl = browser.getCurrentUrl();
        long id = Long.parseLong(campaignUrl.replaceAll(".*/campaigns/(\\d+).*", "$1"));
        long total = jdbc.sql("select count(*) from campaign_target where campaign_id = ?").param(id).query(Long.class).single();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(figure("ALL")).isEqualTo(String.valueOf(total));
        logout();

        Browser.phone();
        loginAs("staff");
        open("/campaigns");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("my-campaigns")));
        press(By.cssSelector("[data-campaign-id='" + id + "'] .next-household"));

        // 1: everything fine
        press(By.id("check-next"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        answer("q1-1", "q2-NO", "q3-NO", "q4-NO", "q7-YES");
        Browser.screenshot("campaign-form-phone");
        submit(By.id("outcome-DONE"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("next-household")));
        assertThat(text(By.cssSelector(".alert-success"))).contains("答案已保存");

        // 2: nobody home, stays on the list for later
        press(By.id("check-next"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        submit(By.id("outcome-NOBODY_HOME"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("next-household")));
        assertThat(text(By.cssSelector(".alert-success"))).contains("无人在家");
        Browser.screenshot("campaign-next-phone");

        // 3: cracks in the walls: a problem, raised as an issue
        press(By.id("check-next"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        answer("q1-1", "q2-NO", "q3-YES", "q4-NO", "q7-YES");
        submit(By.id("outcome-DONE"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("problem-offer")));
        press(By.id("raise-issue"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("campaign-issue-form")));
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).contains("墙体、屋顶有裂缝或渗漏");
        new Select(browser.findElement(By.id("categoryId"))).selectByIndex(1);
        submit(By.id("submit-issue"));
        waitFor(ExpectedConditions.urlMatches(".*/issues/\\d+$"));
        logout();

        Browser.desktop();
        loginAs("supervisor");
        browser.get(campaignUrl);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        assertThat(figure("DONE")).isEqualTo("2");
        assertThat(figure("ATTEMPTED")).isEqualTo("1");
        assertThat(figure("NOT_STARTED")).isEqualTo(String.valueOf(total - 3));
        assertThat(figure("PROBLEM")).isEqualTo("1");
        assertThat(figure("ISSUE")).isEqualTo("1");
        Browser.screenshot("campaign-progress");

        // the list behind "done" has exactly the two households
        press(By.cssSelector("#progress tbody tr:first-child a[data-figure='DONE']"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("target-rows")));
        assertThat(browser.findElements(By.cssSelector("#target-rows a[data-status='DONE']"))).hasSize(2);

        // the export says the same: one line per household, statuses as counted
        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('/campaigns/" + id + "/answers.csv', {credentials: 'same-origin'}).then(r => r.text()).then(done);");
        List<String> lines = csv.lines().skip(1).toList();
        assertThat(lines).hasSize((int) total);
        assertThat(lines.stream().filter(l -> l.contains(",已完成,"))).hasSize(2);
        assertThat(lines.stream().filter(l -> l.contains(",无人在家,"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains(",未开始,"))).hasSize((int) total - 3);
    }

    /** The demo town's campaign: a village's row opens its grids, and their figures add up to the village's. */
    @Test
    void aVillageRowOfATownCampaignOpensGridsThatAddUpToIt() {
        long demo = jdbc.sql("select id from campaign where title = '2026年汛期入户排查' order by id limit 1")
                .query(Long.class).single();
        useLanguage("zh_CN");
        loginAs("supervisor");
        open("/campaigns/" + demo);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        List<WebElement> villages = browser.findElements(By.cssSelector("#progress tbody tr:not(:first-child)"));
        assertThat(villages).as("a row per village").hasSizeGreaterThan(1);
        WebElement village = villages.get(0);
        String code = village.getAttribute("data-node");
        String[] names = {"ALL", "DONE", "ATTEMPTED", "NOT_STARTED", "PROBLEM"};
        long[] villageFigures = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            villageFigures[i] = Long.parseLong(village.findElement(By.cssSelector("[data-figure='" + names[i] + "']")).getText());
        }
        press(By.cssSelector("#progress tr[data-node='" + code + "'] td:first-child a"));
        waitFor(ExpectedConditions.urlContains("node=" + code));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        List<WebElement> grids = browser.findElements(By.cssSelector("#progress tbody tr:not(:first-child)"));
        assertThat(grids).as("a row per grid").isNotEmpty();
        for (int i = 0; i < names.length; i++) {
            assertThat(figure(names[i])).as("the village's " + names[i]).isEqualTo(String.valueOf(villageFigures[i]));
            String name = names[i];
            long sum = grids.stream().mapToLong(g -> Long.parseLong(g.findElement(By.cssSelector("[data-figure='" + name + "']"))
                    .getText())).sum();
            assertThat(sum).as("its grids' " + name).isEqualTo(villageFigures[i]);
        }
        assertThat(villageFigures[1] + villageFigures[2]).as("the demo has answers in this village").isPositive();
    }

    /**
     * A county department's list: the supervisor uploads it, sees every line left out with its reason
     * before anything is launched, then launches for the people the register knows in the area.
     */
    @Test
    void aSupervisorUploadsAListSeesTheLinesLeftOutAndLaunchesForTheRest() throws Exception {
        String village = "130528112201";
        SecondTown.actAs(users, "supervisor");
        List<Long> inside = jdbc.sql("""
                select r.id from resident r join grid g on g.id = r.grid_id
                where r.status = 'LIVING' and g.status = 'ACTIVE' and g.code like ? || '%' order by r.id limit 2""")
                .param(village).query(Long.class).list();
        String a = residents.revealIdNumber(inside.get(0));
        String b = residents.revealIdNumber(inside.get(1));
        SecurityContextHolder.clearContext();
        Path file = Files.createTempFile("名单", ".csv");
        Files.writeString(file, "身份证号,姓名,备注\r\n" + a + ",,独居老人\r\n" + b + ",,\r\n" + a + ",,\r\n"
                + "13052819560412123,,\r\n", StandardCharsets.UTF_8);

        String title = "名单排查 " + System.nanoTime();
        newFloodCampaignAsSupervisor(title);
        press(By.cssSelector("label[for='kind-LIST']"));
        browser.findElement(By.id("listFile")).sendKeys(file.toString());
        browser.findElement(By.id("areaCode")).sendKeys(village);
        submit(By.id("launch-campaign"));

        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("list-check")));
        assertThat(text(By.id("list-check-summary"))).contains("共 4 行", "2 人在所选区域内", "2 行未纳入");
        assertThat(text(By.cssSelector("#list-rejected tr[data-line='4']"))).contains("与第 2 行身份证号重复");
        assertThat(text(By.cssSelector("#list-rejected tr[data-line='5']"))).contains("身份证号应为 18 位，当前为 17 位");
        assertThat(text(By.id("launch-campaign"))).isEqualTo("发布（2 人）");
        assertThat(jdbc.sql("select count(*) from campaign where title = ?").param(title).query(Long.class).single())
                .as("checking the list launches nothing").isZero();
        Browser.screenshot("campaign-list-check");

        submit(By.id("launch-campaign"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("campaign-page")));
        assertThat(figure("ALL")).isEqualTo("2");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/campaigns/(\\d+).*", "$1"));
        assertThat(jdbc.sql("select resident_id from campaign_target where campaign_id = ?").param(id).query(Long.class).list())
                .containsExactlyInAnyOrderElementsOf(inside);
        Files.deleteIfExists(file);
    }

    /** The supervisor's new-campaign form, in Chinese, with the title and the flood season form filled in. */
    private void newFloodCampaignAsSupervisor(String title) {
        useLanguage("zh_CN");
        loginAs("supervisor");
        open("/campaigns/new");
        browser.findElement(By.id("title")).sendKeys(title);
        new Select(browser.findElement(By.id("formId"))).selectByVisibleText("汛期入户排查（第 1 版）");
    }

    private String figure(String name) {
        return text(By.cssSelector("#progress tbody tr:first-child [data-figure='" + name + "']"));
    }

    private void answer(String... labels) {
        for (String label : labels) {
            press(By.cssSelector("label[for='" + label + "']"));
        }
    }

    private void press(By by) {
        WebElement element = waitFor(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void submit(By by) {
        WebElement button = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.sendKeys(org.openqa.selenium.Keys.ENTER);
    }
}
