package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.gridwork.shared.dashboard.Figure;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.support.TestClock;
import org.gridwork.task.AssigneeMode;
import org.gridwork.task.NewTask;
import org.gridwork.task.TaskService;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DashboardMonthTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DashboardService dashboard;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TaskService tasks;
    @Autowired Grids grids;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /**
     * A refresh stamped by a clock that ran ahead (another instance, a clock NTP stepped back) must not
     * hide the later refreshes: the figures follow the data, not the latest time stamp.
     */
    @Test
    void aRefreshAfterOneStampedAheadStillShowsTheNewFigures() {
        SecondTown.actAs(users, "supervisor");
        clock.fixAt(Instant.now().plus(Duration.ofDays(3)));
        dashboard.refreshNow();
        clock.reset();
        YearMonth month = dashboard.month(null);
        long before = dashboard.view(null, month).totals().count(Figure.TASKS_OPEN);

        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        tasks.create(new NewTask("刷新版本检查", "do it", LocalDate.now().plusDays(7), AssigneeMode.GRIDS, null,
                List.of(grid), null));
        dashboard.refreshNow();

        assertThat(dashboard.view(null, month).totals().count(Figure.TASKS_OPEN)).isEqualTo(before + 1);
    }

    @Test
    void aMonthBeforeAnyDataIsTheFirstMonthWithDataAndComputesNoRollUpOfItsOwn() throws Exception {
        int status = mvc.perform(get("/dashboard").param("month", "1901-01")
                .with(user(users.loadUserByUsername("supervisor")))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from dashboard_refresh where period = '1901-01'", Long.class))
                .as("no roll-up computed for 1901-01").isZero();
        YearMonth first = dashboard.month("1901-01");
        assertThat(first).isAfter(YearMonth.of(1901, 1)).isBeforeOrEqualTo(dashboard.month(null));
        assertThat(dashboard.month("1902-07")).isEqualTo(first);
    }
}
