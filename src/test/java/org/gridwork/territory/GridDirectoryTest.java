package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The in-memory grid directory never shows a grid list older than the last change here, nor than a second elsewhere. */
@IntegrationTest
class GridDirectoryTest {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    StaffAssignments assignments;

    @Autowired
    GridDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AreaFilter areaFilter;

    @Autowired
    DataScope dataScope;

    @Test
    @WithUserDetails("admin")
    void aGridCreatedHereIsListedAtOnce() {
        int before = grids.gridsInScope().size();
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary grid = grids.createGrid(village.code(), 1, "新网格", null);
        assertThat(grids.gridsInScope()).hasSize(before + 1).contains(grid);
        assertThat(grids.grid(grid.id()).name()).isEqualTo("新网格");
    }

    @Test
    void aRenameByAnotherInstanceIsSeenWithinASecond() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary grid = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 1, "旧名", null));
        assertThat(directory.find(grid.id())).get().extracting(GridSummary::name).isEqualTo("旧名");

        // another instance (or an operator in psql) renames it: the table's trigger moves the version on
        jdbc.update("update grid set name = '新名' where id = ?", grid.id());
        withinTheVersionCheck(() -> {
            assertThat(directory.find(grid.id())).get().extracting(GridSummary::name).isEqualTo("新名");
            assertThat(directory.idsUnder(village.path())).containsExactly(grid.id());
        });

        // so is a village renamed by a division import elsewhere (the area filters show its name)
        jdbc.update("update region set name = '改名村' where id = ?", village.id());
        withinTheVersionCheck(() -> {
            assertThat(directory.areas().get(village.code()).name()).isEqualTo("改名村");
            assertThat(directory.regionHoldingGrids(village.code())).get().extracting(RegionSummary::name).isEqualTo("改名村");
        });
    }

    /** Pages name a county or a town from memory (campaign progress): every region above a grid is there. */
    @Test
    void everyRegionAboveAGridIsKnownByCodeAndARegionWithoutGridsIsLeftToTheDatabase() {
        assertThat(directory.findByCode("130528112201-001")).get().extracting(GridSummary::code).isEqualTo("130528112201-001");
        assertThat(directory.findByCode("130528112201")).isEmpty();
        assertThat(directory.regionHoldingGrids("130528")).get().extracting(RegionSummary::level).isEqualTo(RegionLevel.COUNTY);
        assertThat(directory.regionHoldingGrids("13")).get().extracting(RegionSummary::level).isEqualTo(RegionLevel.PROVINCE);
        assertThat(directory.regionHoldingGrids("130528112201")).get().extracting(RegionSummary::name)
                .isEqualTo(regions.findRegionByCode("130528112201").orElseThrow().name());

        RegionSummary empty = TerritoryFixtures.newVillage(regions, null);
        assertThat(directory.regionHoldingGrids(empty.code())).as("a village without grids").isEmpty();
        SystemPrincipal.run("test set-up", () -> grids.createGrid(empty.code(), 1, "第一个网格", null));
        assertThat(directory.regionHoldingGrids(empty.code())).as("once it holds a grid").isPresent();
    }

    @Test
    @WithUserDetails("admin")
    void theAreaFilterWorkedOutForAScopeFollowsChanges() {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        assertThat(areaFilter.choices(null, village.id(), null).gridNames()).isNotEmpty();

        GridSummary grid = grids.createGrid(village.code(), 1, "筛选网格", null);
        AreaChoices choices = areaFilter.choices(null, village.id(), null);
        assertThat(choices.villageId()).isEqualTo(village.id());
        assertThat(choices.grids()).containsExactly(grid);
        assertThat(choices.gridNames()).containsEntry(grid.id(), grid.label());

        jdbc.update("update grid set name = '改名网格' where id = ?", grid.id());
        withinTheVersionCheck(() -> {
            assertThat(areaFilter.choices(null, village.id(), null).gridNames().get(grid.id())).startsWith("改名网格");
        });
    }

    /** Scopes are remembered with the directory: an assignment here counts at once, one elsewhere within a second. */
    @Test
    @WithUserDetails("admin")
    void anAssignmentReachesTheUsersScopeAtOnceHereAndWithinASecondElsewhere() {
        long staffId = jdbc.queryForObject("select id from app_user where username = 'staff2'", Long.class);
        org.gridwork.account.CurrentUser staff2 = new org.gridwork.account.CurrentUser(staffId, "staff2", "staff2",
                org.gridwork.account.Role.GRID_STAFF, null);
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary grid = grids.createGrid(village.code(), 1, "指派网格", null);
        assertThat(dataScope.of(staff2).allowsGrid(grid.id())).isFalse();

        assignments.assignStaff(grid.id(), staffId);
        assertThat(dataScope.of(staff2).allowsGrid(grid.id())).isTrue();

        // another instance (or an operator in psql) takes the grid away again: the table's trigger moves the version on
        jdbc.update("delete from grid_staff where grid_id = ? and user_id = ?", grid.id(), staffId);
        withinTheVersionCheck(() -> {
            assertThat(dataScope.of(staff2).allowsGrid(grid.id())).isFalse();
        });
    }

    @Test
    void whatIsWorkedOutOnceIsHandedOutAgainUntilTheGridsChange() {
        Object first = directory.remember("test", "key", Object::new);
        assertThat(directory.remember("test", "key", Object::new)).isSameAs(first);
        assertThat(directory.remember("other", "key", Object::new)).isNotSameAs(first);

        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        SystemPrincipal.run("test set-up", () -> grids.createGrid(village.code(), 1, "新网格", null));
        assertThat(directory.remember("test", "key", Object::new)).isNotSameAs(first);
    }

    /** Another instance's change is seen once the version is checked again (at most a second): waits for it, no longer. */
    private static void withinTheVersionCheck(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().pollInSameThread().pollInterval(java.time.Duration.ofMillis(50))
                .atMost(java.time.Duration.ofNanos(GridLocator.VERSION_CHECK_NANOS).plusSeconds(1)).untilAsserted(assertion);
    }
}
