package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.gridwork.resident.ResidentDraft;
import org.gridwork.resident.ResidentService;
import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An admin redraws grids and is shown, before anything is written, who moves from which grid to
 * which; only the confirmation saves. A home left outside every grid is listed on its own screen.
 */
class BoundaryMovesBrowserTest extends BrowserTestSupport {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    ResidentService residents;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void movesAreShownBeforeTheyHappenAndSavedOnlyOnConfirmation() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary west = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 1, "西片", TerritoryFixtures.box(105, 35, 105.01, 35.01)));
        GridSummary east = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 2, "东片", TerritoryFixtures.box(105.01, 35, 105.02, 35.01)));
        long resident = asAdmin(() -> residents.register(new ResidentDraft("边界住户",
                TestResidents.nextIdNumber(LocalDate.of(1950, 5, 1), false), null, null, null, null, 105.012, 35.005,
                null, Set.of())));
        assertThat(gridOf(resident)).isEqualTo(east.id());
        String eastBefore = boundary(east.id());

        useLanguage("zh_CN");
        loginAs("admin");

        // 1. the east grid shrinks: the resident would fall outside every grid
        saveBoundary(east.id(), TerritoryFixtures.box(105.015, 35, 105.02, 35.01));
        WebElement row = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#move-preview tr.move-row")));
        assertThat(row.getAttribute("data-kind")).isEqualTo("resident.placed.residents");
        assertThat(row.getAttribute("data-from")).isEqualTo(east.code());
        assertThat(row.getAttribute("data-to")).isNullOrEmpty();
        assertThat(row.getText()).contains("居民", "1", east.code(), "东片", "不在任何网格内");
        assertThat(boundary(east.id())).as("nothing written before the confirmation").isEqualTo(eastBefore);
        Browser.screenshot("territory-move-preview");

        press("moves-confirm");
        waitFor(ExpectedConditions.urlMatches(".*/territory/grids/" + east.id() + "$"));
        assertThat(boundary(east.id())).isNotEqualTo(eastBefore);
        assertThat(gridOf(resident)).as("kept in its grid, not silently moved").isEqualTo(east.id());

        open("/admin/territory/unplaced");
        assertThat(text(By.id("unplaced"))).contains("边界住户", east.code());

        // 2. the west grid grows over the home: it moves from east to west, shown first
        saveBoundary(west.id(), TerritoryFixtures.box(105, 35, 105.015, 35.01));
        row = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#move-preview tr.move-row")));
        assertThat(row.getAttribute("data-from")).isEqualTo(east.code());
        assertThat(row.getAttribute("data-to")).isEqualTo(west.code());
        assertThat(row.getText()).contains("东片", "西片");
        assertThat(gridOf(resident)).isEqualTo(east.id());
        press("moves-confirm");
        waitFor(ExpectedConditions.urlMatches(".*/territory/grids/" + west.id() + "$"));
        assertThat(gridOf(resident)).isEqualTo(west.id());

        open("/residents/" + resident);
        String history = browser.findElement(By.cssSelector("li[data-kind='GRID_REASSIGNED']")).getText();
        assertThat(history).contains("按位置重新划分", east.code() + " → " + "西片 " + west.code()).doesNotContain("boundary of");
        open("/admin/territory/unplaced");
        assertThat(browser.findElements(By.id("unplaced")).isEmpty()
                || !text(By.id("unplaced")).contains("边界住户")).as("placed again, off the list").isTrue();
    }

    /**
     * The editor draws every grid around the one being drawn, those of other villages too (in their own
     * style), so an admin sees a clash while drawing instead of after a refusal.
     */
    @Test
    void theEditorDrawsTheGridsOfOtherVillagesAroundTheGrid() {
        RegionSummary home = TerritoryFixtures.newVillage(regions, null);
        RegionSummary next = TerritoryFixtures.newVillage(regions, null);
        GridSummary drawn = SystemPrincipal.call("test set-up", () -> grids.createGrid(home.code(), 1, "南片",
                TerritoryFixtures.box(106.5, 36.5, 106.51, 36.51)));
        SystemPrincipal.call("test set-up", () -> grids.createGrid(home.code(), 2, "北片",
                TerritoryFixtures.box(106.5, 36.51, 106.51, 36.52)));
        SystemPrincipal.call("test set-up", () -> grids.createGrid(next.code(), 1, "邻村一组",
                TerritoryFixtures.box(106.51, 36.5, 106.52, 36.51)));
        SystemPrincipal.call("test set-up", () -> grids.createGrid(next.code(), 2, "远处一组",
                TerritoryFixtures.box(107.5, 37.5, 107.51, 37.51)));

        loginAs("admin");
        open("/admin/territory/grids/" + drawn.id() + "/boundary");
        WebElement editor = waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#grid-editor[data-ready='true']")));
        assertThat(editor.getAttribute("data-other-villages")).as("the next village's grid, not the far one")
                .isEqualTo("1");
        Object drawnPaths = ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('#grid-editor path.leaflet-interactive, #grid-editor path').length;");
        assertThat(((Number) drawnPaths).intValue()).as("own grid, own village's grid and the next village's grid")
                .isGreaterThanOrEqualTo(3);
    }

    private void saveBoundary(long gridId, String geojson) {
        open("/admin/territory/grids/" + gridId + "/boundary");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-editor[data-ready='true']")));
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('#boundary-form details').open = true;"
                        + "document.getElementById('boundary').value = arguments[0];", geojson);
        press("boundary-save");
    }

    /** Clicked by script: at the bottom of the page something covers the button for a real click. */
    private void press(String id) {
        WebElement button = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", button);
    }

    private long gridOf(long resident) {
        return jdbc.queryForObject("select grid_id from resident where id = ?", Long.class, resident);
    }

    private String boundary(long grid) {
        return jdbc.queryForObject("select boundary_geojson from grid where id = ?", String.class, grid);
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        UserDetails admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
