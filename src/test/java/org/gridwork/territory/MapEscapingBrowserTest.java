package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.gridwork.dashboard.DashboardService;
import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A grid named with markup is shown as those very characters on every map, never as elements:
 * Leaflet takes strings as HTML, so names must go in as text.
 */
class MapEscapingBrowserTest extends BrowserTestSupport {

    static final String EVIL = "<b>粗</b>\"><img src=x onerror=alert(1)>";

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    DashboardService dashboard;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGridNamedWithMarkupShowsAsTextOnEveryMap() throws Exception {
        RegionSummary village = TerritoryFixtures.newVillage(regions, TerritoryFixtures.box(104.5, 34.5, 104.52, 34.51));
        GridSummary evil = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 1, EVIL, TerritoryFixtures.box(104.5, 34.5, 104.51, 34.51)));
        GridSummary neighbour = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 2, "东邻", TerritoryFixtures.box(104.51, 34.5, 104.52, 34.51)));
        long lamp = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        String issue = mvc.perform(post("/issues").with(user(users.loadUserByUsername("admin"))).with(csrf())
                        .param("categoryId", String.valueOf(lamp)).param("description", EVIL)
                        .param("longitude", "104.505").param("latitude", "34.505"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(issue).matches("/issues/\\d+");
        dashboard.refreshNow();

        useLanguage("zh_CN");
        loginAs("admin");

        open("/territory/map?region=" + village.id());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#subtree-map[data-grid-count]")));
        assertNoInjection("#subtree-map");
        assertThat(labels("#subtree-map")).contains(EVIL);
        assertThat(text(By.cssSelector("#subtree-map .territory-legend"))).as("a legend of the villages")
                .contains(village.name());
        Browser.screenshot("territory-map-escaped");

        open("/territory/grids/" + evil.id());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-map[data-grid-count]")));
        assertNoInjection("#grid-map");
        assertThat(labels("#grid-map")).contains(EVIL);

        open("/admin/territory/grids/" + neighbour.id() + "/boundary");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-editor[data-ready='true']")));
        assertNoInjection("#grid-editor");
        assertThat(labels("#grid-editor")).contains(EVIL);

        open("/dashboard?node=" + village.code());
        waitFor(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("dashboard-map")), "data-loaded"));
        assertThat(browser.findElement(By.id("dashboard-map")).getAttribute("data-loaded")).isEqualTo("2");
        // tooltips of the dashboard open on hover: open them all to look inside
        ((JavascriptExecutor) browser).executeScript("""
                document.querySelectorAll('#dashboard-map path.leaflet-interactive').forEach(function (p) {
                  p.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
                });""");
        assertNoInjection("#dashboard-map");
        assertThat(String.join("|", labels("#dashboard-map"))).contains(EVIL);

        open(issue);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#issue-map[data-grid-count]")));
        assertThat(browser.findElement(By.id("issue-map")).getAttribute("data-grid-count")).isNotEqualTo("0");
        assertNoInjection("body");
        assertThat(labels("#issue-map")).contains(EVIL);
        assertThat(text(By.tagName("body"))).contains(EVIL);
        Browser.screenshot("issue-page-grid-outlines");

        open("/issues/new");
        ((JavascriptExecutor) browser).executeScript("""
                var lon = document.getElementById('longitude'), lat = document.getElementById('latitude');
                lon.value = '104.505'; lat.value = '34.505';
                lat.dispatchEvent(new Event('change'));""");
        waitFor(d -> labels("#issue-map").contains(EVIL));
        assertNoInjection("#issue-map");
    }

    @SuppressWarnings("unchecked")
    private List<String> labels(String map) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0] + ' .leaflet-tooltip')).map(function (t) { return t.textContent; });",
                map);
    }

    private void assertNoInjection(String scope) {
        Object injected = ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll(arguments[0] + ' img[src=\"x\"], ' + arguments[0] + ' .leaflet-pane b').length;",
                scope);
        assertThat(injected).as("elements injected by a name on " + browser.getCurrentUrl()).isEqualTo(0L);
    }
}
