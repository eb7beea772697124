package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

class BoundaryDrawingBrowserTest extends BrowserTestSupport {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;

    @Autowired
    GridLocator locator;

    @Test
    void anAdminDrawsAGridByClickingOnTheMapAndSeesItSaved() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, TerritoryFixtures.box(104, 34, 104.02, 34.015));
        GridSummary grid = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 1, "手绘网格", null));
        useLanguage("zh_CN");
        loginAs("admin");

        open("/admin/territory/grids/" + grid.id() + "/boundary");
        WebElement map = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-editor[data-ready='true']")));
        int[][] corners = {{-120, -80}, {120, -80}, {120, 80}, {-120, 80}};
        for (int[] c : corners) {
            new Actions(browser).moveToElement(map, c[0], c[1]).click().perform();
        }
        assertThat(map.getAttribute("data-vertices")).isEqualTo("4");
        assertThat(text(By.id("editor-status"))).isEqualTo("4 个拐点");
        Browser.screenshot("territory-boundary-editor");

        browser.findElement(By.id("boundary-save")).click();

        waitFor(ExpectedConditions.urlMatches(".*/territory/grids/" + grid.id() + "$"));
        assertThat(text(By.cssSelector(".alert-success"))).contains("网格 " + grid.code() + " 的边界已保存");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-map path.leaflet-interactive")));
        assertThat(locator.locate(104.01, 34.0075)).get().extracting(GridSummary::code).isEqualTo(grid.code());
    }

    @Test
    void theSupervisorSeesTheTownsGridsOnTheMapWithoutTiles() {
        loginAs("supervisor");
        long town = regions.findRegionByCode("130528112").orElseThrow().id();

        open("/territory/map?region=" + town);

        WebElement map = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#subtree-map[data-grid-count]")));
        assertThat(map.getAttribute("data-grid-count")).isEqualTo("24");
        assertThat(browser.findElements(By.cssSelector("#subtree-map path.leaflet-interactive"))).hasSize(24);
        Browser.screenshot("territory-map-supervisor");

        browser.findElements(By.cssSelector("#subtree-map path.leaflet-interactive")).get(0).click();
        waitFor(ExpectedConditions.urlMatches(".*/territory/grids/\\d+$"));
        assertThat(text(By.id("grid-code"))).startsWith("130528112");
        open("/territory?region=" + town);
        assertThat(text(By.id("region-children"))).contains("侯口一村村民委员会");
    }

    @Test
    void gridStaffOpenTheirGridCardOnAPhoneAndAnotherGridIsNotFound() {
        Browser.phone();
        useLanguage("zh_CN");
        loginAs("staff");
        long own = grids.findGridByCode("130528112201-001").orElseThrow().id();
        long other = grids.findGridByCode("130528112203-001").orElseThrow().id();

        open("/territory/grids/" + own);
        assertThat(text(By.id("grid-code"))).isEqualTo("130528112201-001");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-map path.leaflet-interactive")));
        assertThat(text(By.id("grid-staff"))).contains("staff");
        Browser.screenshot("territory-grid-card-phone");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).as("no sideways scrolling").isEqualTo(true);

        open("/territory/grids/" + other);
        assertThat(text(By.tagName("h1"))).isEqualTo("未找到");
    }

    @Test
    void anAdminBrowsesFromTheTopDownToAVillageAndItsGrids() {
        useLanguage("zh_CN");
        loginAs("admin");
        open("/territory");
        browser.findElement(By.linkText("河北省")).click();
        browser.findElement(By.linkText("邢台市")).click();
        browser.findElement(By.linkText("宁晋县")).click();
        browser.findElement(By.linkText("侯口镇")).click();
        browser.findElement(By.linkText("侯口一村村民委员会")).click();

        assertThat(text(By.id("breadcrumbs"))).contains("河北省", "邢台市", "宁晋县", "侯口镇");
        assertThat(text(By.id("village-grids"))).contains("130528112201-001", "130528112201-002");
        Browser.screenshot("territory-village");
    }
}
