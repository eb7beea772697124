package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 15: archiving a grid shows what would lose it, in the boundary save's move preview, before anything is written. */
@IntegrationTest
@WithUserDetails("admin")
class GridArchivePreviewTest {

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    Boundaries boundaries;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void archivingAGridWithAHouseholdShowsTheMoveFirstAndArchivesOnlyOnConfirmation() throws Exception {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grids.createGrid(village.id(), village.code() + "-001", "归档预览网格", null);
        double lat = 31.71;
        boundaries.changeBoundary(g.id(), TerritoryFixtures.box(101.71, lat, 101.72, lat + 0.01));
        long household = jdbc.queryForObject("insert into household(grid_id, address, longitude, latitude)"
                + " values (?, '归档预览 1 号', 101.715, ?) returning id", Long.class, g.id(), lat + 0.005);

        String page = mvc.perform(post("/admin/territory/grids/" + g.id() + "/archive")
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"move-preview\"")))
                .andExpect(content().string(containsString("data-from=\"" + g.code() + "\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(jdbc.queryForObject("select status from grid where id = ?", String.class, g.id()))
                .as("nothing written before the confirmation").isEqualTo("ACTIVE");
        String token = page.replaceAll("(?s).*name=\"confirm\" value=\"([0-9a-f]+)\".*", "$1");

        mvc.perform(post("/admin/territory/grids/" + g.id() + "/archive").param("confirm", token)
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from grid where id = ?", String.class, g.id())).isEqualTo("ARCHIVED");
        assertThat(jdbc.queryForObject("select count(*) from territory_unplaced where kind = 'resident.placed.households'"
                + " and item_id = ?", Long.class, household)).as("listed for the admin, not silently left").isOne();
    }

    @Test
    void anEmptyGridIsArchivedWithoutAPreview() throws Exception {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary g = grids.createGrid(village.id(), village.code() + "-001", "空网格", null);
        boundaries.changeBoundary(g.id(), TerritoryFixtures.box(101.75, 31.75, 101.76, 31.76));
        mvc.perform(post("/admin/territory/grids/" + g.id() + "/archive")
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from grid where id = ?", String.class, g.id())).isEqualTo("ARCHIVED");
    }
}
