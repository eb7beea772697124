package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.gridwork.resident.ResidentDraft;
import org.gridwork.resident.ResidentService;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** What a boundary change would move is computed before saving, and a stale confirmation saves nothing. */
@IntegrationTest
@WithUserDetails("admin")
class BoundaryMovesTest {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    Boundaries boundaries;
    @Autowired
    ResidentService residents;
    @Autowired
    JdbcTemplate jdbc;

    private long resident(String name, double lon, double lat) {
        return residents.register(new ResidentDraft(name, TestResidents.nextIdNumber(LocalDate.of(1960, 1, 1), true),
                null, null, null, null, lon, lat, null, Set.of()));
    }

    @Test
    void aConfirmationSavesOnlyTheBoundaryAndTheMovesThatWereShown() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary west = grids.createGrid(village.code(), 1, "西", TerritoryFixtures.box(106, 36, 106.01, 36.01));
        GridSummary east = grids.createGrid(village.code(), 2, "东", TerritoryFixtures.box(106.01, 36, 106.02, 36.01));
        long first = resident("甲", 106.011, 36.005);
        String shrunk = TerritoryFixtures.box(106.015, 36, 106.02, 36.01);

        Boundaries.BoundaryProposal preview = boundaries.proposeBoundary(east.id(), shrunk, null);
        assertThat(preview.moves().moves()).singleElement().satisfies(m -> {
            assertThat(m.from().code()).isEqualTo(east.code());
            assertThat(m.to()).isNull();
            assertThat(m.count()).isEqualTo(1);
        });
        String token = preview.moves().token();

        // another home appears in the area meanwhile: the confirmation no longer matches, nothing is saved
        long second = resident("乙", 106.012, 36.005);
        Boundaries.BoundaryProposal stale = boundaries.proposeBoundary(east.id(), shrunk, token);
        assertThat(stale.moves()).isNotNull();
        assertThat(stale.moves().moves()).singleElement().extracting(MovePreview.Move::count).isEqualTo(2L);
        assertThat(grids.gridDetails(east.id()).boundaryGeojson()).contains("106.010000");

        // a confirmation for another boundary does not save this one either
        assertThat(boundaries.proposeBoundary(east.id(), TerritoryFixtures.box(106.016, 36, 106.02, 36.01),
                stale.moves().token()).moves()).isNotNull();

        assertThat(boundaries.proposeBoundary(east.id(), shrunk, stale.moves().token()).moves()).isNull();
        assertThat(grids.gridDetails(east.id()).boundaryGeojson()).doesNotContain("106.010000");
        assertThat(boundaries.unplaced()).extracting(UnplacedThing::itemId).contains(first, second);
        assertThat(west.id()).isNotEqualTo(east.id());
    }

    @Test
    void savingAnIdenticalBoundaryAddsNoHistoryAndTheOldVersionEndsWhenTheNewOneStarts() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grids.createGrid(village.code(), 1, "一", TerritoryFixtures.box(106.1, 36, 106.11, 36.01));
        assertThat(boundaries.changeBoundary(g.id(), TerritoryFixtures.box(106.1, 36, 106.11, 36.01)).ok()).isTrue();
        assertThat(boundaries.boundaryHistory(g.id())).isEmpty();
        long audits = jdbc.queryForObject("select count(*) from audit_event where action = 'TERRITORY_BOUNDARY_CHANGED'"
                + " and target_id = ?", Long.class, String.valueOf(g.id()));

        assertThat(boundaries.changeBoundary(g.id(), TerritoryFixtures.box(106.1, 36, 106.12, 36.01)).ok()).isTrue();

        assertThat(boundaries.boundaryHistory(g.id())).singleElement()
                .satisfies(v -> assertThat(v.validTo()).isEqualTo(grids.gridDetails(g.id()).boundarySince()));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TERRITORY_BOUNDARY_CHANGED'"
                + " and target_id = ?", Long.class, String.valueOf(g.id()))).isEqualTo(audits + 1);
    }

    @Test
    void aFeatureCollectionNamingTheSameGridTwiceIsRefused() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grids.createGrid(village.code(), 1, "重", null);
        String feature = "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + g.code() + "\"},\"geometry\":"
                + TerritoryFixtures.box(106.2, 36, 106.21, 36.01) + "}";
        BoundaryImportReport report = boundaries.importBoundaries(
                "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "," + feature + "]}");
        assertThat(report.saved()).isZero();
        assertThat(report.errors()).extracting(BoundaryCheck.Finding::messageKey)
                .containsExactly("territory.boundary.import.duplicateCode");
    }

    private static String circle(double lon, double lat, double radius, int vertices) {
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= vertices; i++) {
            double a = 2 * Math.PI * (i % vertices) / vertices;
            ring.append(i > 0 ? "," : "").append(String.format(java.util.Locale.ROOT, "[%.7f,%.7f]",
                    lon + radius * Math.cos(a), lat + radius * Math.sin(a)));
        }
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
    }

    @Test
    void aBoundaryWithTooManyVerticesIsRefusedAndAHugeOneIsServedSimplifiedToMaps() {
        GridSummary g = grids.createGrid(TerritoryFixtures.newVillage(regions, null).code(), 1, "圆", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> boundaries.changeBoundary(g.id(), circle(106.4, 36.4, 0.005, 10_001)))
                .isInstanceOf(org.gridwork.shared.BusinessRuleException.class)
                .extracting(e -> ((org.gridwork.shared.BusinessRuleException) e).messageKey())
                .isEqualTo("territory.boundary.error.tooManyVertices");

        assertThat(boundaries.changeBoundary(g.id(), circle(106.4, 36.4, 0.005, 8_000)).ok()).isTrue();
        String stored = grids.gridDetails(g.id()).boundaryGeojson();
        String map = boundaries.exportGrid(g.id(), false);
        assertThat(map.length()).as("the map's JSON carries a simplified boundary").isLessThan(stored.length() / 4);
        assertThat(boundaries.exportGrid(g.id(), true).length()).as("a download is exact").isGreaterThan(stored.length());
    }

    @Test
    void exportedBoundariesFollowTheRightHandRule() {
        GridSummary g = grids.createGrid(TerritoryFixtures.newVillage(regions, null).code(), 1, "顺", null);
        String clockwise = "{\"type\":\"Polygon\",\"coordinates\":[[[106.5,36],[106.5,36.01],[106.51,36.01],[106.51,36],[106.5,36]]]}";
        assertThat(boundaries.changeBoundary(g.id(), clockwise).ok()).isTrue();
        assertThat(boundaries.exportGrid(g.id(), true))
                .contains("[[[106.500000,36.000000],[106.510000,36.000000],[106.510000,36.010000]");
    }
}
