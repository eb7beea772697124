package org.gridwork.issue;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.shared.NotFoundException;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 19: an Open311 request with an address and no point lands as a REPORTED issue without a
 * grid, visible to the admin and the supervisors of the area holding every grid, in the "to be
 * placed" queue, until a supervisor taps its point; then it follows the normal loop.
 */
@IntegrationTest
class IssuePlacementTest {

    /** A supervisor of the area holding every grid (the county in the demo; wider when other tests add grids elsewhere). */
    String COUNTY_SUPERVISOR;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    StaffAssignments assignments;
    @Autowired
    AccountService accounts;
    @Autowired
    IssuePlacement placement;
    @Autowired
    IssueService issues;
    @Autowired
    IssueQueries queries;

    @BeforeEach
    void twoTownsAndASupervisorOfTheHoldingArea() {
        SecondTown.ensure(regions, grids, assignments, accounts);
        // other test classes (in any order) may add grids outside the county: the holding area is then wider
        String holding = placement.holdingPath();
        String code = jdbc.queryForList("select code from region where path = ?", String.class, holding).stream()
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(code != null, "grids in several provinces: only admins hold them");
        COUNTY_SUPERVISOR = "placer-" + code;
        synchronized (IssuePlacementTest.class) {
            if (accounts.findByUsername(COUNTY_SUPERVISOR).isEmpty()) {
                String supervisor = COUNTY_SUPERVISOR;
                SystemPrincipal.run("test set-up", () -> {
                    var u = accounts.createUser(supervisor, BrowserTestSupport.DEMO_PASSWORD, "县中心值班员",
                            Role.SUPERVISOR, null);
                    assignments.assignSupervisor(regions.findRegionByCode(code).orElseThrow().id(), u.id());
                });
            }
        }
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long postAddressOnly(String param, String value, String description) throws Exception {
        String key = "placement-" + java.util.UUID.randomUUID();
        jdbc.update("insert into open311_key(channel, key_prefix, key_hash) values (?, ?, ?)", "test address-only",
                key.substring(0, 6), java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String body = mvc.perform(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "FACILITY_LAMP")
                        .param(param, value).param("description", description).param("phone", "13800001234"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].service_request_id").exists())
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"service_request_id\":\"([0-9]+)\".*", "$1"));
    }

    @Test
    void anAddressOnlyRequestIsAcceptedAsAReportWithoutPointOrGrid() throws Exception {
        long id = postAddressOnly("address_string", "侯口镇侯口一村村委会南 50 米", "路灯不亮 placement-address");
        var row = jdbc.queryForMap("select status, source, grid_id, longitude, region_path, address from issue where id = ?", id);
        assertThat(row.get("status")).isEqualTo("REPORTED");
        assertThat(row.get("source")).isEqualTo("OPEN311");
        assertThat(row.get("grid_id")).isNull();
        assertThat(row.get("longitude")).isNull();
        assertThat(row.get("address")).isEqualTo("侯口镇侯口一村村委会南 50 米");
        // the area holding every grid: with grids in two towns of 宁晋县, the county (or wider)
        assertThat((String) row.get("region_path")).isEqualTo(placement.holdingPath())
                .satisfies(p -> assertThat(regions.findRegionByCode("130528").orElseThrow().path()).startsWith(p));
        // public in Open311 GETs, without a point and without the reporter's phone
        mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].address").value("侯口镇侯口一村村委会南 50 米"))
                .andExpect(jsonPath("$[0].lat").doesNotExist())
                .andExpect(content().string(not(containsString("13800001234"))));

        long byId = postAddressOnly("address_id", "HK-0815", "路灯不亮 placement-address-id");
        assertThat(jdbc.queryForObject("select address from issue where id = ?", String.class, byId)).contains("HK-0815");
    }

    @Test
    void theAdminAndTheCountySupervisorSeeItToBePlacedTownSupervisorsAndStaffDoNot() throws Exception {
        long id = postAddressOnly("address_string", "侯口镇某处", "井盖丢失 placement-scope");
        for (String who : new String[] {"admin", COUNTY_SUPERVISOR}) {
            mvc.perform(get("/issues/" + id).with(as(who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"action-place\"")))
                    .andExpect(content().string(containsString("id=\"issue-unplaced\"")))
                    .andExpect(content().string(not(containsString("id=\"action-file\""))));
            mvc.perform(get("/issues").param("view", "TO_PLACE").with(as(who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"issue-row-" + id + "\"")));
            mvc.perform(get("/issues").param("view", "ALL").with(as(who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"issue-row-" + id + "\"")));
        }
        for (String who : new String[] {SecondTown.SUPERVISOR, SecondTown.STAFF, "staff"}) {
            mvc.perform(get("/issues/" + id).with(as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/issues").param("view", "ALL").with(as(who))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("id=\"issue-row-" + id + "\""))));
            SecondTown.actAs(users, who);
            // another town's supervisor: not found; grid staff may not place at all (a role, checked first)
            assertThatThrownBy(() -> placement.place(id, 0, 115.0260, 37.5830)).isInstanceOf(who.equals(SecondTown.SUPERVISOR)
                    ? NotFoundException.class : org.springframework.security.access.AccessDeniedException.class);
        }
        // a region's list counts what lies in the region, as its dashboard figures (by grid) do: not an unplaced issue
        mvc.perform(get("/issues").param("view", "OPEN").param("region", "130528").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"issue-row-" + id + "\""))));
        SecondTown.actAs(users, "admin");
        long counted = queries.list(new IssueFilter("OPEN", null, null, "130528", null, null, null, "placement-scope", null)).count();
        assertThat(counted).isZero();
        // the export does not trip over the missing grid
        mvc.perform(get("/issues/export.csv").param("view", "TO_PLACE").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("placement-scope")));
    }

    @Test
    void filingWaitsForThePlaceAndThePlaceGivesTheGridAndTheNormalLoop() throws Exception {
        long id = postAddressOnly("address_string", "侯口一村", "路灯不亮 placement-loop");
        SecondTown.actAs(users, COUNTY_SUPERVISOR);
        assertThatThrownBy(() -> issues.file(id, 0, null)).hasMessageContaining("issue.error.placeFirst");
        // a tap outside every grid, or nothing tapped, is refused with a message
        mvc.perform(post("/issues/" + id + "/place").with(as(COUNTY_SUPERVISOR)).with(csrf()).param("version", "0")
                        .param("longitude", "60.0").param("latitude", "10.0")) // no test draws a grid there (BoundaryRulesTest has 100, 30)
                .andExpect(flash().attribute("error", "issue.error.outsideGrids"));
        mvc.perform(post("/issues/" + id + "/place").with(as(COUNTY_SUPERVISOR)).with(csrf()).param("version", "0"))
                .andExpect(flash().attribute("error", "issue.error.placeTap"));
        mvc.perform(post("/issues/" + id + "/place").with(as(COUNTY_SUPERVISOR)).with(csrf()).param("version", "0")
                        .param("longitude", "115.0260").param("latitude", "37.5830"))
                .andExpect(flash().attribute("success", "issue.done.PLACE"));
        var row = jdbc.queryForMap("select i.grid_id, g.code, i.region_path, i.longitude from issue i join grid g on g.id = i.grid_id"
                + " where i.id = ?", id);
        assertThat(row.get("code")).isEqualTo("130528112201-001");
        assertThat((String) row.get("region_path")).endsWith("/130528112201/");
        assertThat(jdbc.queryForObject("select count(*) from issue_event where issue_id = ? and action = 'PLACED'",
                Long.class, id)).isOne();
        // placed: the town's supervisor (demo "supervisor", 侯口镇) now sees and files it as any other report
        mvc.perform(get("/issues/" + id).with(as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"action-file\"")))
                .andExpect(content().string(not(containsString("id=\"action-place\""))));
        SecondTown.actAs(users, "supervisor");
        long version = jdbc.queryForObject("select version from issue where id = ?", Long.class, id);
        issues.file(id, version, null);
        assertThat(jdbc.queryForObject("select status from issue where id = ?", String.class, id)).isEqualTo("FILED");
        assertThatThrownBy(() -> placement.place(id, version + 1, 115.0260, 37.5830))
                .hasMessageContaining("issue.error.alreadyPlaced");
    }

    @Test
    void aSupervisorCannotPlaceAnIssueInAGridOutsideTheirArea() throws Exception {
        long id = postAddressOnly("address_string", "某处", "路灯 placement-outside");
        // the admin places it anywhere; a town supervisor who could see it only places within the town:
        // here the county supervisor places it in the second town's grid, which is theirs too
        mvc.perform(post("/issues/" + id + "/place").with(as(COUNTY_SUPERVISOR)).with(csrf()).param("version", "0")
                        .param("longitude", "115.405").param("latitude", "37.595"))
                .andExpect(flash().attribute("success", "issue.done.PLACE"));
        assertThat(jdbc.queryForObject("select g.code from issue i join grid g on g.id = i.grid_id where i.id = ?",
                String.class, id)).isEqualTo(SecondTown.GRID);
        // now in the second town: its supervisor sees it, Houkou's does not
        mvc.perform(get("/issues/" + id).with(as(SecondTown.SUPERVISOR))).andExpect(status().isOk());
        mvc.perform(get("/issues/" + id).with(as("supervisor"))).andExpect(status().isNotFound());
    }

    @Test
    void theCommonPathIsCutAtAWholeSegment() {
        assertThat(IssuePlacement.commonPath(java.util.List.of("/13/1305/130528/130528112/130528112201/",
                "/13/1305/130528/130528113/130528113201/"))).isEqualTo("/13/1305/130528/");
        assertThat(IssuePlacement.commonPath(java.util.List.of("/13/1305/130528/130528112/130528112201/")))
                .isEqualTo("/13/1305/130528/130528112/130528112201/");
        assertThat(IssuePlacement.commonPath(java.util.List.of())).isEqualTo("/");
    }
}
