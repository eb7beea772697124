package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridwork.shared.today.TodayItem;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Warnings at 50 % and 80 %, overdue at 100 %, each once; the today screen and the admin screens. */
@IntegrationTest
class IssueTimeLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IssueWarningJob job;
    @Autowired
    IssueTodaySource today;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long dispatchedToStaff2(String description) throws Exception {
        long lamp = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        String location = mvc.perform(post("/issues").with(as("staff2")).with(csrf()).param("categoryId", String.valueOf(lamp))
                        .param("description", description).param("longitude", "115.0575").param("latitude", "37.5880"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/issues/".length()));
        mvc.perform(post("/issues/" + id + "/file").with(as("supervisor")).with(csrf()).param("version", version(id)));
        mvc.perform(post("/issues/" + id + "/dispatch").with(as("supervisor")).with(csrf()).param("version", version(id))
                .param("assignee", "user:" + userId("staff2")));
        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        return id;
    }

    String version(long id) {
        return String.valueOf(jdbc.queryForObject("select version from issue where id = ?", Long.class, id));
    }

    String statusOf(long id) {
        return jdbc.queryForObject("select status from issue where id = ?", String.class, id);
    }

    long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    int notifications(long id, String key) {
        return jdbc.queryForObject("select count(*) from notification where url = ? and message_key = ?", Integer.class,
                "/issues/" + id, key);
    }

    @Test
    void theScheduledRunIsSkippedWhileAnotherInstanceHoldsTheLock() throws Exception {
        long id = dispatchedToStaff2("time limit lock test");
        jdbc.update("update issue set warn50_at = now() - interval '1 minute' where id = ?", id);
        // another instance holds the lock for ten more minutes (ShedLock keeps its rows: they are only updated)
        jdbc.update("insert into shedlock(name, lock_until, locked_at, locked_by) values ('issue-time-limits',"
                + " timezone('utc', now()), timezone('utc', now()), 'another instance') on conflict (name) do nothing");
        jdbc.update("update shedlock set lock_until = timezone('utc', now()) + interval '10 minutes',"
                + " locked_by = 'another instance' where name = 'issue-time-limits'");
        try {
            job.scheduled();
            assertThat(jdbc.queryForObject("select warning_level from issue where id = ?", Integer.class, id)).isZero();
        } finally {
            release();
        }
        job.scheduled();
        assertThat(jdbc.queryForObject("select warning_level from issue where id = ?", Integer.class, id)).isEqualTo(50);
        assertThat(jdbc.queryForObject("select locked_by from shedlock where name = 'issue-time-limits'", String.class))
                .isNotEqualTo("another instance");
        release();
    }

    /** The lock given up, as when its holder's time has passed. */
    void release() {
        jdbc.update("update shedlock set lock_until = timezone('utc', now()) - interval '1 second' where name = 'issue-time-limits'");
    }

    @Test
    void warningsAndOverdueAreRaisedOnceEach() throws Exception {
        long id = dispatchedToStaff2("time limit test");
        jdbc.update("update issue set warn50_at = now() - interval '1 minute' where id = ?", id);
        job.run();
        job.run();
        assertThat(notifications(id, "notification.issue.warning50")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select warning_level from issue where id = ?", Integer.class, id)).isEqualTo(50);

        jdbc.update("update issue set warn80_at = now() - interval '1 minute', deadline = now() - interval '1 second'"
                + " where id = ?", id);
        job.run();
        job.run();
        assertThat(notifications(id, "notification.issue.overdue")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select overdue from issue where id = ?", Boolean.class, id)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from issue_event where issue_id = ? and action = 'OVERDUE'",
                Integer.class, id)).isEqualTo(1);
        mvc.perform(get("/issues").with(as("supervisor")).param("view", "OVERDUE").param("q", "time limit test"))
                .andExpect(content().string(containsString("id=\"issue-row-" + id + "\"")));
        // the version is untouched: an open form stays valid
        mvc.perform(post("/issues/" + id + "/accept").with(as("staff2")).with(csrf()).param("version", version(id)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");

        assertThat(today.itemsFor(userId("staff2"))).filteredOn(i -> i.url().equals("/issues/" + id))
                .singleElement().extracting(TodayItem::overdue).isEqualTo(true);
    }

    @Test
    void demoStaffHasIssuesForToday() {
        assertThat(today.itemsFor(userId("staff"))).isNotEmpty().allMatch(i -> i.kind().equals("ISSUE"));
    }

    @Test
    void adminsEditTheCalendarTheCategoriesAndTheOpen311Keys() throws Exception {
        mvc.perform(get("/admin/calendar").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(post("/admin/calendar/days").with(as("admin")).with(csrf()).param("day", "2031-01-01")
                .param("kind", "HOLIDAY").param("name", "元旦")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/calendar").with(as("admin"))).andExpect(content().string(containsString("2031-01-01")));
        mvc.perform(post("/admin/calendar/settings").with(as("admin")).with(csrf()).header("Accept-Language", "en")
                .param("workingHours", "nonsense").param("weekend", "SATURDAY", "SUNDAY"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select working_hours from business_calendar_settings", String.class))
                .isEqualTo("08:30-12:00,14:00-17:30");
        mvc.perform(post("/admin/calendar/days/remove").with(as("admin")).with(csrf()).param("day", "2031-01-01"));

        mvc.perform(get("/admin/issue-categories").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("路灯故障")));
        mvc.perform(get("/admin/issue-categories").with(as("supervisor"))).andExpect(status().isForbidden());

        mvc.perform(post("/admin/open311-keys").with(as("admin")).with(csrf()).param("channel", "admin screen test"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/open311-keys").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("admin screen test")));
    }
}
