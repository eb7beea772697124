package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Whoever reported an issue is told when it is filed or rejected (with the reason), dispatched, sent back and closed. */
@IntegrationTest
class ReporterHearsBackTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long reportedByStaff2(String description) throws Exception {
        long lamp = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        String location = mvc.perform(post("/issues").with(as("staff2")).with(csrf()).param("categoryId", String.valueOf(lamp))
                        .param("description", description).param("longitude", "115.0575").param("latitude", "37.5880"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring("/issues/".length()));
    }

    void act(long id, String action, String user, String... params) throws Exception {
        var request = post("/issues/" + id + "/" + action).with(as(user)).with(csrf()).param("version",
                String.valueOf(jdbc.queryForObject("select version from issue where id = ?", Long.class, id)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request);
    }

    /** The reporter's notifications about this issue (stored after commit, perhaps a moment later). */
    List<String> toReporter(long id, int atLeast) {
        long staff2 = jdbc.queryForObject("select id from app_user where username = 'staff2'", Long.class);
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> jdbc.queryForList("select message_key || '|' || args from notification where user_id = ? and url = ?"
                        + " and message_key like 'notification.issue.reporter.%' order by id", String.class, staff2, "/issues/" + id),
                        found -> found.size() >= atLeast);
    }

    @Test
    void theReporterHearsOfFilingDispatchReworkAndClosing() throws Exception {
        long id = reportedByStaff2("路灯不亮 reporter test");
        long staff2 = jdbc.queryForObject("select id from app_user where username = 'staff2'", Long.class);
        act(id, "file", "supervisor");
        act(id, "dispatch", "supervisor", "assignee", "user:" + staff2);
        act(id, "accept", "staff2");
        act(id, "handled", "staff2", "feedback", "换了灯泡");
        act(id, "rework", "supervisor", "reason", "还是不亮");
        act(id, "accept", "staff2");
        act(id, "handled", "staff2", "feedback", "换了线路");
        act(id, "close", "supervisor");
        assertThat(jdbc.queryForObject("select status from issue where id = ?", String.class, id)).isEqualTo("CLOSED");
        assertThat(toReporter(id, 4)).extracting(s -> s.substring(0, s.indexOf('|'))).containsExactly(
                "notification.issue.reporter.filed", "notification.issue.reporter.dispatched",
                "notification.issue.reporter.rework", "notification.issue.reporter.closed");
        assertThat(toReporter(id, 4).get(2)).contains("还是不亮");
    }

    @Test
    void theReporterLearnsWhyTheirIssueWasRejected() throws Exception {
        long id = reportedByStaff2("重复上报 reporter test");
        act(id, "reject", "supervisor", "reason", "与已立案事件重复");
        List<String> told = toReporter(id, 1);
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).startsWith("notification.issue.reporter.rejected").contains("与已立案事件重复");
    }
}
