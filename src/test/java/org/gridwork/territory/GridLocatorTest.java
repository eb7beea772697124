package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class GridLocatorTest {

    @Autowired
    GridLocator locator;

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPointInsideAGridResolvesToIt() {
        // 侯口一村 spans 115.02..115.05 E, 37.575..37.60 N; its west grid is 001
        assertThat(locator.locate(115.03, 37.59)).get().extracting(GridSummary::code).isEqualTo("130528112201-001");
        assertThat(locator.locate(115.045, 37.59)).get().extracting(GridSummary::code).isEqualTo("130528112201-002");
    }

    @Test
    void aPointOnASharedEdgeGoesToTheGridWithTheSmallerCode() {
        assertThat(locator.locate(115.035, 37.59)).get().extracting(GridSummary::code).isEqualTo("130528112201-001");
    }

    @Test
    void aPointOutsideEveryGridResolvesToNone() {
        assertThat(locator.locate(116.0, 39.9)).isEmpty();
    }

    @Test
    void aBoundaryChangedByAnotherInstanceIsPickedUpWithinASecond() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary grid = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 1, "远处网格", TerritoryFixtures.box(101, 31, 101.01, 31.01)));
        assertThat(locator.locate(101.005, 31.005)).get().extracting(GridSummary::code).isEqualTo(grid.code());

        // what another app instance's Boundaries does: new boundary and version, no local event
        jdbc.update("update grid set boundary_geojson = ? where id = ?", TerritoryFixtures.box(101.02, 31, 101.03, 31.01), grid.id());
        jdbc.update("update grid_index_version set version = version + 1 where id = 1");
        withinTheVersionCheck(() -> {
            assertThat(locator.locate(101.005, 31.005)).isEmpty();
            assertThat(locator.locate(101.025, 31.005)).get().extracting(GridSummary::code).isEqualTo(grid.code());
        });
    }

    /** Another instance's change is seen once the version is checked again (at most a second): waits for it, no longer. */
    private static void withinTheVersionCheck(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().pollInSameThread().pollInterval(java.time.Duration.ofMillis(50))
                .atMost(java.time.Duration.ofNanos(GridLocator.VERSION_CHECK_NANOS).plusSeconds(1)).untilAsserted(assertion);
    }
}
