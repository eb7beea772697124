package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The town → village → grid filter offers a small scope at once and a large one level by level.
 * The demo town (12 villages, 24 grids) stands in for a county with a limit of 5 options.
 */
@IntegrationTest
class AreaFilterTest {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;

    @Autowired
    GridDirectory directory;

    @Autowired
    AreaFilter filter;

    private AreaFilter smallSelects() {
        return new AreaFilter(grids, directory, new AreaFilterSettings(5));
    }

    private long grid(String code) {
        return grids.findGridByCode(code).orElseThrow().id();
    }

    private static List<String> codes(List<GridSummary> grids) {
        return grids.stream().map(GridSummary::code).toList();
    }

    @Test
    @WithUserDetails("supervisor")
    void aSupervisorsTownIsOfferedWholeWhenItFits() {
        AreaChoices choices = filter.choices(null, null, null);
        assertThat(choices.towns()).isEmpty(); // one town: nothing to choose
        assertThat(choices.villages()).hasSize(12);
        assertThat(choices.grids()).hasSize(24);
        assertThat(choices.areaId()).isNull();
    }

    @Test
    @WithUserDetails("supervisor")
    void aLargeScopeOffersGridsOnlyUnderTheChosenVillage() {
        AreaChoices start = smallSelects().choices(null, null, null);
        assertThat(start.villages()).hasSize(12); // listed under the only town, whatever their number
        assertThat(start.grids()).isEmpty();

        long village = grids.findGridByCode("130528112201-001").orElseThrow().villageId();
        AreaChoices inVillage = smallSelects().choices(null, village, null);
        assertThat(codes(inVillage.grids())).containsExactly("130528112201-001", "130528112201-002");
        assertThat(inVillage.areaId()).isEqualTo(village);
        assertThat(inVillage.townId()).isEqualTo(regions.findRegionByCode("130528112").orElseThrow().id());

        // a grid implies its village and town, so the selects above it show the way back
        AreaChoices onGrid = smallSelects().choices(null, null, grid("130528112201-002"));
        assertThat(onGrid.villageId()).isEqualTo(village);
        assertThat(onGrid.gridId()).isEqualTo(grid("130528112201-002"));
        assertThat(onGrid.gridNames()).hasSize(24);
    }

    @Test
    @WithUserDetails("staff")
    void staffChooseAmongTheirOwnGridsAndForeignIdsAreIgnored() {
        AreaChoices mine = filter.choices(null, null, null);
        assertThat(mine.towns()).isEmpty();
        assertThat(mine.villages()).isEmpty();
        assertThat(codes(mine.grids())).containsExactly("130528112201-001", "130528112201-002");

        long foreignGrid = grid("130528112203-001");
        long foreignVillage = grids.findGridByCode("130528112203-001").orElseThrow().villageId();
        AreaChoices probing = filter.choices(null, foreignVillage, foreignGrid);
        assertThat(probing.gridId()).isNull();
        assertThat(probing.villageId()).isNull();
        assertThat(probing.gridNames()).doesNotContainKey(foreignGrid);
    }
}
