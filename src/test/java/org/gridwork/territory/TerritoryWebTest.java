package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class TerritoryWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    StaffAssignments assignments;

    @Autowired
    AccountService accounts;

    @Autowired
    DataScope dataScope;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor as(String username) {
        UserDetails details = users.loadUserByUsername(username);
        return user(details);
    }

    /** A supervisor of another town (the test town), with one grid of their own. */
    private String otherTownSupervisor() {
        String name = "sup" + System.nanoTime();
        UserSummary sup = SystemPrincipal.call("test set-up", () -> accounts.createUser(name, "irrelevant-pass", "别镇网格长", Role.SUPERVISOR, null));
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        SystemPrincipal.run("test set-up", () -> grids.createGrid(village.code(), 1, "别镇网格", TerritoryFixtures.box(102, 32, 102.01, 32.01)));
        SystemPrincipal.run("test set-up", () -> assignments.assignSupervisor(regions.findRegionByCode(TerritoryFixtures.TOWN).orElseThrow().id(), sup.id()));
        return name;
    }

    @Test
    void aSupervisorOfAnotherTownReachesNoneOfHoukousGridsByAnyUrl() throws Exception {
        String supervisor = otherTownSupervisor();
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        long town = regions.findRegionByCode("130528112").orElseThrow().id();
        long village = regions.findRegionByCode("130528112201").orElseThrow().id();

        for (String url : new String[] {"/territory/grids/" + grid, "/territory/grids/" + grid + "/boundary.geojson",
                "/territory?region=" + town, "/territory?region=" + village, "/territory/map?region=" + town,
                "/territory/map/grids.json?region=" + town, "/territory/regions/" + town + "/grids.geojson"}) {
            mvc.perform(get(url).with(as(supervisor))).andExpect(status().isNotFound());
        }
        for (String url : new String[] {"/admin/territory/grids/" + grid + "/boundary", "/admin/territory/staff",
                "/admin/territory/import", "/admin/territory/grids/" + grid + "/neighbours.json"}) {
            mvc.perform(get(url).with(as(supervisor))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/territory/grids/" + grid + "/archive").with(as(supervisor)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/territory/search?q=侯口").with(as(supervisor)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("130528112"))));
        mvc.perform(get("/territory").with(as(supervisor)))
                .andExpect(content().string(containsString(TerritoryFixtures.TOWN)))
                .andExpect(content().string(not(containsString("侯口镇"))));
        long ownTown = regions.findRegionByCode(TerritoryFixtures.TOWN).orElseThrow().id();
        mvc.perform(get("/territory/map/grids.json?region=" + ownTown).with(as(supervisor)))
                .andExpect(content().string(containsString("别镇网格")))
                .andExpect(content().string(not(containsString("130528112"))));
        assertThat(grids.findGridByCode("130528112201-001").orElseThrow().status()).isEqualTo(GridStatus.ACTIVE);
    }

    @Test
    void theHoukouSupervisorBrowsesTheTownWithCountsAndSeesItsGridsOnTheMap() throws Exception {
        long town = regions.findRegionByCode("130528112").orElseThrow().id();
        mvc.perform(get("/territory?region=" + town).with(as("supervisor")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("侯口一村村民委员会")))
                .andExpect(content().string(containsString("region-children")));
        mvc.perform(get("/territory/map/grids.json?region=" + town).with(as("supervisor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"code\":\"130528112212-002\"")));
        mvc.perform(get("/territory/search?q=侯口").with(as("supervisor")))
                .andExpect(content().string(containsString("130528112201")));
    }

    @Test
    void anAdminCreatesAGridWithTheProposedCodeAndDrawsItsBoundary() throws Exception {
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        mvc.perform(get("/admin/territory/villages/" + village.id() + "/grids/new").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(village.code() + "-001")));
        mvc.perform(post("/admin/territory/villages/" + village.id() + "/grids/new").with(as("admin")).with(csrf())
                        .param("code", village.code() + "-001").param("name", "").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/admin/territory/villages/" + village.id() + "/grids/new").with(as("admin")).with(csrf())
                        .param("code", "130528112201-009").param("name", "错村网格").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/admin/territory/villages/" + village.id() + "/grids/new").with(as("admin")).with(csrf())
                        .param("code", village.code() + "-001").param("name", "东网格").param("version", "0"))
                .andExpect(redirectedUrlPattern("/admin/territory/grids/*/boundary"));
        long id = grids.findGridByCode(village.code() + "-001").orElseThrow().id();

        mvc.perform(post("/admin/territory/grids/" + id + "/boundary").with(as("admin")).with(csrf())
                        .param("boundary", "{\"type\":\"Polygon\",\"coordinates\":[[[103,33],[103.01,33.01],[103.01,33],[103,33.01],[103,33]]]}")
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("crosses itself at 103.005000, 33.005000")));
        mvc.perform(post("/admin/territory/grids/" + id + "/boundary").with(as("admin")).with(csrf())
                        .param("boundary", "{\"type\":\"Polygon\""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("boundary-errors")));
        mvc.perform(post("/admin/territory/grids/" + id + "/boundary").with(as("admin")).with(csrf())
                        .param("boundary", TerritoryFixtures.box(103, 33, 103.01, 33.01)))
                .andExpect(redirectedUrl("/territory/grids/" + id));
        mvc.perform(get("/territory/grids/" + id).with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("东网格")));
        mvc.perform(get("/territory/grids/" + id + "/boundary.geojson?download=true").with(as("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("103.010000")));
    }

    @Test
    void theImportScreenListsTheProblemsOfABadFileWithLineNumbers() throws Exception {
        MockMultipartFile bad = new MockMultipartFile("file", "bad.csv", "text/csv",
                "code,name,level,parent_code\n139806,测试庚县,COUNTY,13\n139806001,测试庚镇,HAMLET,139806\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/territory/import").file(bad).with(as("admin")).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Line 3:")))
                .andExpect(content().string(containsString("Unknown level &quot;HAMLET&quot;")));
        mvc.perform(multipart("/admin/territory/import").with(as("admin")).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("Choose a file to upload.")));
        MockMultipartFile good = new MockMultipartFile("file", "good.csv", "text/csv",
                "code,name,level,parent_code\n139806,测试庚县,COUNTY,13\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/territory/import").file(good).with(as("admin")).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("1 created, 0 updated, 0 unchanged.")));
    }

    @Test
    void aGbkFileIsNamedAsSuchWithTheLineWhereItStops() throws Exception {
        MockMultipartFile gbk = new MockMultipartFile("file", "gbk.csv", "text/csv",
                "code,name,level,parent_code\n139807,测试辛县,COUNTY,13\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        mvc.perform(multipart("/admin/territory/import").file(gbk).with(as("admin")).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file is not UTF-8 (from line 2 on).")));
    }

    @Test
    void assigningStaffAndSupervisorsOnTheStaffScreenChangesTheirScopeAtOnce() throws Exception {
        UserSummary newStaff = SystemPrincipal.call("test set-up", () -> accounts.createUser("gs" + System.nanoTime(), "irrelevant-pass", "新网格员", Role.GRID_STAFF, null));
        RegionSummary village = TerritoryFixtures.newVillage(regions, null);
        GridSummary grid = SystemPrincipal.call("test set-up", () -> grids.createGrid(village.code(), 1, "分配测试网格", null));
        CurrentUser asStaff = new CurrentUser(newStaff.id(), newStaff.username(), newStaff.displayName(), Role.GRID_STAFF, null);

        mvc.perform(post("/admin/territory/staff/grid").with(as("admin")).with(csrf())
                        .param("userId", String.valueOf(newStaff.id())).param("gridCode", grid.code()))
                .andExpect(redirectedUrl("/admin/territory/staff"));
        assertThat(dataScope.of(asStaff).allowsGrid(grid.id())).isTrue();
        mvc.perform(get("/territory/grids/" + grid.id()).with(as(newStaff.username()))).andExpect(status().isOk());

        mvc.perform(post("/admin/territory/staff/grid/remove").with(as("admin")).with(csrf())
                .param("userId", String.valueOf(newStaff.id())).param("gridId", String.valueOf(grid.id())));
        assertThat(dataScope.of(asStaff).allowsGrid(grid.id())).isFalse();
        mvc.perform(get("/territory/grids/" + grid.id()).with(as(newStaff.username()))).andExpect(status().isNotFound());

        mvc.perform(post("/admin/territory/staff/grid").with(as("admin")).with(csrf())
                        .param("userId", String.valueOf(accounts.findByUsername("supervisor").orElseThrow().id()))
                        .param("gridCode", grid.code()))
                .andExpect(redirectedUrl("/admin/territory/staff"));
        assertThat(assignments.gridsOfStaff(accounts.findByUsername("supervisor").orElseThrow().id())).isEmpty();

        mvc.perform(get("/admin/territory/staff").with(as("admin")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("130528112201-001")))
                .andExpect(content().string(containsString("Department handlers")));
    }
}
