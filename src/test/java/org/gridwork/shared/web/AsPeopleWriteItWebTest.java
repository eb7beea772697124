package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 18: staff start on /today, an issue from a visit keeps its point, every length limit is said. */
@IntegrationTest
class AsPeopleWriteItWebTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void gridStaffLandOnTheirTodayListOthersOnTheHomePage() throws Exception {
        assertThat(WebSessions.login(mvc, "staff", "gridwork-demo").getResponse().getRedirectedUrl()).isEqualTo("/today");
        assertThat(WebSessions.login(mvc, "supervisor", "gridwork-demo").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anIssueRaisedFromAVisitStartsAtTheVisitsPoint() throws Exception {
        String form = mvc.perform(get("/issues/new").with(as("staff")).param("visitId", "1")
                .param("longitude", "115.02612").param("latitude", "37.58301")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("value=\"115.02612\"").contains("value=\"37.58301\"");
    }

    @Test
    void tooLongTextIsRefusedSayingTheLimit() throws Exception {
        long resident = jdbc.queryForObject("select r.id from resident r join grid g on g.id = r.grid_id"
                + " where g.code = '130528112201-001' and r.status = 'LIVING' order by r.id limit 1", Long.class);
        String page = mvc.perform(post("/visits").with(as("staff")).with(csrf()).param("token", UUID.randomUUID().toString())
                .param("residentId", "" + resident).param("kind", "CARE").param("condition", "GOOD")
                .param("findings", "很".repeat(10_001))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"findings-error\"").contains("不能超过 2000 个字（现 10001 个）");
        assertThat(jdbc.queryForObject("select count(*) from visit where length(findings) > 2000", Integer.class)).isZero();

        long category = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        String issue = mvc.perform(post("/issues").with(as("staff")).with(csrf()).param("categoryId", "" + category)
                .param("description", "长".repeat(4001)).param("longitude", "115.0260").param("latitude", "37.5830")
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(issue).contains("id=\"description-error\"").contains("不能超过 4000 个字（现 4001 个）").doesNotContain("内容过长");
    }
}
