package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every URL with a resident, household, care plan, visit or grid id answers 404 outside the user's grids. */
@IntegrationTest
class ResidentScopeWebTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    long otherResident;
    long otherHousehold;
    long otherPlan;
    long otherVisit;
    long otherGrid;
    long ownResident;

    @BeforeEach
    void findRecordsOfStaff2() {
        // staff2 looks after 侯口二村 (…202); staff after 侯口一村 (…201)
        otherGrid = jdbc.queryForObject("select id from grid where code = '130528112202-001'", Long.class);
        otherResident = jdbc.queryForObject("select min(resident_id) from visit where grid_id = ?", Long.class, otherGrid);
        otherHousehold = jdbc.queryForObject("select min(id) from household where grid_id = ?", Long.class, otherGrid);
        otherPlan = jdbc.queryForObject("select min(id) from care_plan where grid_id = ?", Long.class, otherGrid);
        otherVisit = jdbc.queryForObject("select min(id) from visit where grid_id = ?", Long.class, otherGrid);
        ownResident = jdbc.queryForObject("select min(r.id) from resident r join grid g on g.id = r.grid_id"
                + " where g.code = '130528112201-001'", Long.class);
    }

    private UserDetails as(String name) {
        return users.loadUserByUsername(name);
    }

    @ParameterizedTest(name = "staff gets 404 for {0}")
    @ValueSource(strings = {"/residents/%R", "/residents/%R/edit", "/residents/%R/care", "/residents/%R/visits",
            "/households/%H", "/visits/new?residentId=%R", "/visits/%V", "/care/coverage/%G"})
    void staffCannotReachAnotherGridsRecordsByUrl(String pattern) throws Exception {
        String url = pattern.replace("%R", "" + otherResident).replace("%H", "" + otherHousehold)
                .replace("%V", "" + otherVisit).replace("%G", "" + otherGrid);
        mvc.perform(get(url).with(user(as("staff")))).andExpect(status().isNotFound());
    }

    @Test
    void staffCannotChangeOrRevealAnotherGridsResident() throws Exception {
        for (String url : List.of("/residents/" + otherResident + "/id-number", "/residents/" + otherResident + "/tags",
                "/residents/" + otherResident + "/household", "/care/plans/" + otherPlan)) {
            mvc.perform(post(url).param("intervalDays", "7").with(csrf()).with(user(as("staff"))))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/residents/" + otherResident + "/status").param("status", "MOVED_OUT")
                .param("date", "2025-01-01").param("reason", "x").with(csrf()).with(user(as("staff"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void supervisorReachesEveryGridOfTheTownAndStaffTheirOwn() throws Exception {
        mvc.perform(get("/residents/" + otherResident).with(user(as("supervisor")))).andExpect(status().isOk());
        mvc.perform(get("/residents/" + ownResident).with(user(as("staff")))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("130528********")));
    }

    @Test
    void theListNarrowsToTheChosenVillageAndATownHidesNothingOfItsOwn() throws Exception {
        long village = jdbc.queryForObject("select village_id from grid where id = ?", Long.class, otherGrid);
        long town = jdbc.queryForObject("select parent_id from region where id = ?", Long.class, village);
        String otherName = jdbc.queryForObject("select name from resident where id = ?", String.class, otherResident);
        String ownName = jdbc.queryForObject("select name from resident where id = ?", String.class, ownResident);
        String inVillage = mvc.perform(get("/residents").param("villageId", "" + village).param("q", otherName)
                .with(user(as("supervisor")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inVillage).contains("/residents/" + otherResident + "\"");
        String ownElsewhere = mvc.perform(get("/residents").param("villageId", "" + village).param("q", ownName)
                .with(user(as("supervisor")))).andReturn().getResponse().getContentAsString();
        assertThat(ownElsewhere).doesNotContain("/residents/" + ownResident + "\"");
        String inTown = mvc.perform(get("/residents").param("townId", "" + town).param("q", ownName)
                .with(user(as("supervisor")))).andReturn().getResponse().getContentAsString();
        assertThat(inTown).contains("/residents/" + ownResident + "\"");
    }

    @Test
    void theListNamesEachPersonsSpecialGroupsRatherThanTheirCodes() throws Exception {
        var tagged = jdbc.queryForMap("select r.name, g.code, g.name_zh from resident_tagging t join resident r on r.id = t.resident_id"
                + " join resident_tag g on g.code = t.tag_code order by r.id limit 1");
        String page = mvc.perform(get("/residents").param("q", (String) tagged.get("name"))
                .with(user(as("supervisor")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">" + tagged.get("name_zh") + "<").doesNotContain(">" + tagged.get("code") + "<");
    }

    @Test
    void handlersSeeNoResidentAtAll() throws Exception {
        mvc.perform(get("/residents/" + ownResident).with(user(as("handler")))).andExpect(status().isNotFound());
        String list = mvc.perform(get("/residents").with(user(as("handler")))).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("130528********");
    }

    @Test
    void showingTheFullIdNumberIsAnExplicitPost() throws Exception {
        String page = mvc.perform(get("/residents/" + ownResident).with(user(as("staff"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContainPattern("130528\\d{12}");
        String shown = mvc.perform(post("/residents/" + ownResident + "/id-number").header("HX-Request", "true")
                .with(csrf()).with(user(as("staff")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(shown).containsPattern("130528\\d{11}[\\dX]");
    }
}
