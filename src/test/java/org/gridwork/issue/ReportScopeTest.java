package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A report reaches only what the reporter may reach (issue 16): residents and visits outside their
 * grids, ids that do not exist, and a place in another staff member's grid are refused with a message
 * next to the field, and nothing is saved. (staff keeps 侯口一村; the point below lies in 侯口二村, staff2's.)
 */
@IntegrationTest
class ReportScopeTest {

    static final String STAFF2_LON = "115.0575";
    static final String STAFF2_LAT = "37.5880";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    MockHttpServletRequestBuilder report(String username, String description) {
        long lamp = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        return post("/issues").with(as(username)).with(csrf()).header("Accept-Language", "zh-CN")
                .param("categoryId", String.valueOf(lamp)).param("description", description);
    }

    /** Grids of a staff member's own. */
    String ownGrids(String username) {
        return "(select grid_id from grid_staff where user_id = (select id from app_user where username = '" + username + "'))";
    }

    long residentOf(String username) {
        return jdbc.queryForObject("select min(id) from resident where grid_id in " + ownGrids(username), Long.class);
    }

    long visitOf(String username) {
        return jdbc.queryForObject("select min(id) from visit where grid_id in " + ownGrids(username), Long.class);
    }

    long issuesDescribed(String description) {
        return jdbc.queryForObject("select count(*) from issue where description = ?", Long.class, description);
    }

    @Test
    void aPlaceInAnotherStaffMembersGridIsRefusedNextToTheLocation() throws Exception {
        mvc.perform(report("staff", "scope: 别人的网格").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "longitude", "issue.error.locationOutsideScope"))
                .andExpect(content().string(containsString("该位置不在您负责的网格内")));
        assertThat(issuesDescribed("scope: 别人的网格")).isZero();

        // the grid's own staff reports it there
        mvc.perform(report("staff2", "scope: 自己的网格").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT))
                .andExpect(status().is3xxRedirection());
        assertThat(issuesDescribed("scope: 自己的网格")).isOne();
    }

    @Test
    void residentsOutsideTheReportersGridsOrThatDoNotExistAreRefusedNextToTheField() throws Exception {
        long others = residentOf("staff");
        mvc.perform(report("staff2", "scope: 别人的居民").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT)
                        .param("residentIds", residentOf("staff2") + ", " + others))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "residentIds", "issue.error.residentsOutsideScope"))
                .andExpect(content().string(containsString("居民编号 " + others + " 不存在或不在您负责的网格内")));
        mvc.perform(report("staff2", "scope: 别人的居民").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT)
                        .param("residentIds", "999999999"))
                .andExpect(model().attributeHasFieldErrorCode("form", "residentIds", "issue.error.residentsOutsideScope"));
        assertThat(issuesDescribed("scope: 别人的居民")).isZero();

        long own = residentOf("staff2");
        mvc.perform(report("staff2", "scope: 自己的居民").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT)
                        .param("residentIds", own + "," + own))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select r.resident_id from issue_resident r join issue i on i.id = r.issue_id"
                + " where i.description = 'scope: 自己的居民'", Long.class)).isEqualTo(List.of(own));
    }

    @Test
    void aVisitOutsideTheReportersGridsOrThatDoesNotExistIsRefused() throws Exception {
        mvc.perform(report("staff2", "scope: 别人的走访").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT)
                        .param("visitId", String.valueOf(visitOf("staff"))))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "visitId", "issue.error.visitOutsideScope"))
                .andExpect(content().string(containsString("关联的走访记录不存在或不在您负责的网格内")));
        mvc.perform(report("staff2", "scope: 别人的走访").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT)
                        .param("visitId", "999999999"))
                .andExpect(model().attributeHasFieldErrorCode("form", "visitId", "issue.error.visitOutsideScope"));
        assertThat(issuesDescribed("scope: 别人的走访")).isZero();

        mvc.perform(report("staff2", "scope: 自己的走访").param("longitude", STAFF2_LON).param("latitude", STAFF2_LAT)
                        .param("visitId", String.valueOf(visitOf("staff2"))))
                .andExpect(status().is3xxRedirection());
        assertThat(issuesDescribed("scope: 自己的走访")).isOne();
    }

    @Test
    void aChosenGridOutsideTheReportersGridsIsRefusedNextToTheField() throws Exception {
        long othersGrid = jdbc.queryForObject("select min(grid_id) from grid_staff where user_id ="
                + " (select id from app_user where username = 'staff')", Long.class);
        mvc.perform(report("staff2", "scope: 别人的网格号").param("gridId", String.valueOf(othersGrid)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "gridId", "issue.error.gridOutsideScope"));
        assertThat(issuesDescribed("scope: 别人的网格号")).isZero();
    }
}
