package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("admin")
class BoundaryRulesTest {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    Boundaries boundaries;

    @Autowired
    GridLocator locator;

    private GridSummary grid(RegionSummary village, int sequence) {
        return grids.createGrid(village.id(), village.code() + "-" + String.format("%03d", sequence), "网格" + sequence, null);
    }

    @Test
    void aBowTieIsRefusedNamingTheGridAndTheCrossing() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grid(village, 1);
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[100.01,30.01],[100.01,30],[100,30.01],[100,30]]]}";

        BoundaryCheck check = boundaries.changeBoundary(g.id(), bowTie);

        assertThat(check.ok()).isFalse();
        assertThat(check.errors()).singleElement().satisfies(f -> {
            assertThat(f.messageKey()).isEqualTo("territory.boundary.error.selfIntersection");
            assertThat(f.args()[0]).isEqualTo(g.code());
            assertThat((String) f.args()[1]).isEqualTo("100.005000, 30.005000");
        });
        assertThat(grids.gridDetails(g.id()).boundaryGeojson()).isNull();
    }

    @Test
    void anUnclosedRingOrTooFewPointsIsRefusedBeforeAnyCheck() {
        GridSummary g = grid(TerritoryFixtures.newVillage(regions, null), 1);
        assertThatThrownBy(() -> boundaries.changeBoundary(g.id(),
                "{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[100.01,30],[100.01,30.01],[100,30.01]]]}"))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("territory.boundary.error.unclosed");
        assertThatThrownBy(() -> boundaries.changeBoundary(g.id(),
                "{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[100.01,30],[100,30]]]}"))
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("territory.boundary.error.tooFewPoints");
        assertThatThrownBy(() -> boundaries.changeBoundary(g.id(), "{\"type\":\"Point\",\"coordinates\":[100,30]}"))
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("territory.boundary.error.type");
    }

    @Test
    void anOverlapWithAnotherGridOfTheVillageIsRefusedWithItsArea() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary west = grid(village, 1);
        GridSummary east = grid(village, 2);
        assertThat(boundaries.changeBoundary(west.id(), TerritoryFixtures.box(100, 30, 100.01, 30.01)).ok()).isTrue();

        // 0.001 degrees of longitude (about 96 m at 30 N) times 0.01 of latitude (about 1,106 m)
        BoundaryCheck check = boundaries.changeBoundary(east.id(), TerritoryFixtures.box(100.009, 30, 100.02, 30.01));

        assertThat(check.errors()).singleElement().satisfies(f -> {
            assertThat(f.messageKey()).isEqualTo("territory.boundary.error.overlap");
            assertThat(f.args()[0]).isEqualTo(east.code());
            assertThat(f.args()[1]).isEqualTo(west.code());
            assertThat((long) f.args()[2]).isBetween(106_000L, 107_500L);
        });
    }

    @Test
    void anOverlapWithAGridOfAnotherVillageIsAnErrorNamingThatGridItsVillageAndTheArea() {
        RegionSummary north = TerritoryFixtures.newVillage(regions, null);
        RegionSummary south = TerritoryFixtures.newVillage(regions, null);
        GridSummary theirs = grid(north, 1);
        GridSummary ours = grid(south, 1);
        assertThat(boundaries.changeBoundary(theirs.id(), TerritoryFixtures.box(100.9, 30.9, 100.91, 30.91)).ok()).isTrue();

        BoundaryCheck check = boundaries.changeBoundary(ours.id(), TerritoryFixtures.box(100.905, 30.9, 100.915, 30.91));

        assertThat(check.ok()).isFalse();
        assertThat(check.errors()).singleElement().satisfies(f -> {
            assertThat(f.messageKey()).isEqualTo("territory.boundary.error.overlap");
            assertThat(f.args()[1]).isEqualTo(theirs.code());
            assertThat((long) f.args()[2]).isBetween(520_000L, 535_000L);
            assertThat(f.args()[3]).isEqualTo(north.name());
        });
        assertThat(grids.gridDetails(ours.id()).boundaryGeojson()).as("nothing saved").isNull();
        // touching along the edge is fine
        assertThat(boundaries.changeBoundary(ours.id(), TerritoryFixtures.box(100.91, 30.9, 100.92, 30.91)).ok()).isTrue();
        // the editor draws the other village's grid, so a clash is visible while drawing
        assertThat(boundaries.villageNeighbours(ours.id())).contains(theirs.code(), north.code());
    }

    @Test
    void gridsTouchingAlongAnEdgeAreFineAndTheSharedEdgeGoesToTheSmallerCode() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary west = grid(village, 1);
        GridSummary east = grid(village, 2);
        double lat = 30.1;
        boundaries.changeBoundary(east.id(), TerritoryFixtures.box(100.11, lat, 100.12, lat + 0.01));
        BoundaryCheck check = boundaries.changeBoundary(west.id(), TerritoryFixtures.box(100.1, lat, 100.11, lat + 0.01));

        assertThat(check.errors()).isEmpty();
        assertThat(locator.locate(100.11, lat + 0.005)).get().extracting(GridSummary::code).isEqualTo(west.code());
        assertThat(locator.locate(100.11, lat)).as("a shared vertex").get().extracting(GridSummary::code)
                .isEqualTo(west.code());
        assertThat(locator.locate(100.1, 30.11)).as("an outer vertex").get().extracting(GridSummary::code)
                .isEqualTo(west.code());
        assertThat(locator.locate(100.115, lat + 0.005)).get().extracting(GridSummary::code).isEqualTo(east.code());
    }

    @Test
    void aPointInAHoleBelongsToTheGridFilledInThere() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary ring = grid(village, 1);
        GridSummary core = grid(village, 2);
        double lat = 30.2;
        String withHole = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":["
                + "[[100.2,%1$f],[100.23,%1$f],[100.23,%2$f],[100.2,%2$f],[100.2,%1$f]],"
                + "[[100.21,%3$f],[100.22,%3$f],[100.22,%4$f],[100.21,%4$f],[100.21,%3$f]]]}",
                lat, lat + 0.03, lat + 0.01, lat + 0.02);
        assertThat(boundaries.changeBoundary(ring.id(), withHole).ok()).isTrue();
        assertThat(locator.locate(100.215, lat + 0.015)).as("inside the hole, before the core exists").isEmpty();

        BoundaryCheck coreCheck = boundaries.changeBoundary(core.id(), TerritoryFixtures.box(100.21, lat + 0.01, 100.22, lat + 0.02));

        assertThat(coreCheck.errors()).isEmpty();
        assertThat(locator.locate(100.215, lat + 0.015)).get().extracting(GridSummary::code).isEqualTo(core.code());
        assertThat(locator.locate(100.205, lat + 0.015)).get().extracting(GridSummary::code).isEqualTo(ring.code());
    }

    @Test
    void aMultiPolygonGridCoversBothParts() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grid(village, 1);
        double lat = 30.3;
        String multi = String.format(java.util.Locale.ROOT, "{\"type\":\"MultiPolygon\",\"coordinates\":["
                + "[[[100.3,%1$f],[100.31,%1$f],[100.31,%2$f],[100.3,%2$f],[100.3,%1$f]]],"
                + "[[[100.32,%1$f],[100.33,%1$f],[100.33,%2$f],[100.32,%2$f],[100.32,%1$f]]]]}", lat, lat + 0.01);

        assertThat(boundaries.changeBoundary(g.id(), multi).ok()).isTrue();

        assertThat(locator.locate(100.305, lat + 0.005)).get().extracting(GridSummary::code).isEqualTo(g.code());
        assertThat(locator.locate(100.325, lat + 0.005)).get().extracting(GridSummary::code).isEqualTo(g.code());
        assertThat(locator.locate(100.315, lat + 0.005)).as("between the parts").isEmpty();
    }

    @Test
    void reachingOutsideTheVillageAndLeavingAGapAreWarningsAndTheBoundaryIsSaved() {
        double lat = 30.4;
        RegionSummary village = TerritoryFixtures.newVillage(regions, TerritoryFixtures.box(100.4, lat, 100.42, lat + 0.01));
        GridSummary g = grid(village, 1);

        BoundaryCheck check = boundaries.changeBoundary(g.id(), TerritoryFixtures.box(100.399, lat, 100.41, lat + 0.01));

        assertThat(check.ok()).isTrue();
        assertThat(check.warnings()).extracting(BoundaryCheck.Finding::messageKey)
                .containsExactly("territory.boundary.warning.outside", "territory.boundary.warning.gap");
        assertThat(grids.gridDetails(g.id()).boundaryGeojson()).contains("100.399000");
    }

    @Test
    void redrawingKeepsTheOldBoundaryWithItsPeriodAndMovesThePointLookup() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grid(village, 1);
        double lat = 30.5;
        boundaries.changeBoundary(g.id(), TerritoryFixtures.box(100.5, lat, 100.51, lat + 0.01));
        assertThat(locator.locate(100.505, lat + 0.005)).isPresent();

        boundaries.changeBoundary(g.id(), TerritoryFixtures.box(100.52, lat, 100.53, lat + 0.01));

        assertThat(boundaries.boundaryHistory(g.id())).singleElement().satisfies(v -> {
            assertThat(v.boundaryGeojson()).contains("100.500000");
            assertThat(v.validFrom()).isBeforeOrEqualTo(v.validTo());
        });
        assertThat(locator.locate(100.505, lat + 0.005)).isEmpty();
        assertThat(locator.locate(100.525, lat + 0.005)).get().extracting(GridSummary::code).isEqualTo(g.code());
    }

    @Test
    void anArchivedGridLeavesTheLookup() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grid(village, 1);
        double lat = 30.6;
        boundaries.changeBoundary(g.id(), TerritoryFixtures.box(100.6, lat, 100.61, lat + 0.01));

        grids.archiveGrid(g.id());

        assertThat(locator.locate(100.605, lat + 0.005)).isEmpty();
        assertThat(grids.gridsOfVillage(village.id())).isEmpty();
    }

    @Test
    void aBoundaryImportMatchesFeaturesByCodeAndSavesNothingWhenOneIsWrong() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary a = grid(village, 1);
        GridSummary b = grid(village, 2);
        double lat = 30.7;
        String good = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(a.code(), TerritoryFixtures.box(100.7, lat, 100.71, lat + 0.01)) + ","
                + feature(b.code(), TerritoryFixtures.box(100.71, lat, 100.72, lat + 0.01)) + "]}";
        String overlapping = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(a.code(), TerritoryFixtures.box(100.7, lat, 100.715, lat + 0.01)) + ","
                + feature("139999001999-404", TerritoryFixtures.box(100.8, lat, 100.81, lat + 0.01)) + "]}";

        BoundaryImportReport refused = boundaries.importBoundaries(overlapping);
        assertThat(refused.saved()).isZero();
        assertThat(refused.errors()).extracting(BoundaryCheck.Finding::messageKey)
                .containsExactlyInAnyOrder("territory.boundary.import.unknownCode");

        BoundaryImportReport saved = boundaries.importBoundaries(good);
        assertThat(saved.errors()).isEmpty();
        assertThat(saved.saved()).isEqualTo(2);
        assertThat(locator.locate(100.715, lat + 0.005)).get().extracting(GridSummary::code).isEqualTo(b.code());

        BoundaryImportReport overlap = boundaries.importBoundaries("{\"type\":\"FeatureCollection\",\"features\":["
                + feature(a.code(), TerritoryFixtures.box(100.7, lat, 100.715, lat + 0.01)) + "]}");
        assertThat(overlap.errors()).extracting(BoundaryCheck.Finding::messageKey)
                .containsExactly("territory.boundary.error.overlap");
        assertThat(grids.gridDetails(a.id()).boundaryGeojson()).contains("100.710000");
    }

    @Test
    void theExportIsAFeatureCollectionWithCodesThatImportsBackUnchanged() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary a = grid(village, 1);
        double lat = 30.8;
        boundaries.changeBoundary(a.id(), TerritoryFixtures.box(100.8, lat, 100.81, lat + 0.01));

        String exported = boundaries.exportSubtree(village.id());

        assertThat(exported).startsWith("{\"type\":\"FeatureCollection\"").contains("\"code\":\"" + a.code() + "\"");
        assertThat(boundaries.importBoundaries(exported).saved()).isEqualTo(1);
    }

    private static String feature(String code, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},\"geometry\":" + geometry + "}";
    }
}
