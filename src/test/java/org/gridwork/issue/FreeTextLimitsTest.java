package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 18: issue comments and reasons, and care plan notes, are capped on the server with a
 * message that states the limit (they used to reach the database's column size: a 500).
 */
@IntegrationTest
class FreeTextLimitsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void anOverlongReasonIsRefusedWithItsLimitAndNothingChanges() throws Exception {
        String location = mvc.perform(post("/issues").with(as("staff")).with(csrf())
                        .param("categoryId", String.valueOf(jdbc.queryForObject(
                                "select id from issue_category where code = 'FACILITY_LAMP'", Long.class)))
                        .param("description", "长度限制 free-text-limits").param("longitude", "115.0260")
                        .param("latitude", "37.5830").param("urgency", "NORMAL"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/issues/".length()));
        long version = jdbc.queryForObject("select version from issue where id = ?", Long.class, id);
        mvc.perform(post("/issues/" + id + "/reject").with(as("supervisor")).with(csrf())
                        .param("version", String.valueOf(version)).param("reason", "很".repeat(4001)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "issue.error.commentTooLong"))
                .andExpect(flash().attribute("errorArgs", new Object[] {4000, 4001}));
        assertThat(jdbc.queryForObject("select status from issue where id = ?", String.class, id)).isEqualTo("REPORTED");
        assertThat(messages.getMessage("issue.error.commentTooLong", new Object[] {4000, 4001}, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("内容过长：最多 4000 字（现有 4001 字）。");
    }

    @Test
    void overlongCarePlanNotesAreRefusedWithTheirLimit() throws Exception {
        long plan = jdbc.queryForObject("select min(p.id) from care_plan p join grid g on g.id = p.grid_id"
                + " where g.code = '130528112201-001' and p.status = 'OPEN'", Long.class);
        String notes = jdbc.queryForObject("select coalesce(notes, '') from care_plan where id = ?", String.class, plan);
        mvc.perform(post("/care/plans/" + plan).with(as("staff")).with(csrf()).param("intervalDays", "7")
                        .param("notes", "记".repeat(1001)))
                .andExpect(flash().attribute("error", "care.plan.notes.tooLong"))
                .andExpect(flash().attribute("errorArgs", new Object[] {1000, 1001}));
        assertThat(jdbc.queryForObject("select coalesce(notes, '') from care_plan where id = ?", String.class, plan))
                .isEqualTo(notes);
    }
}
