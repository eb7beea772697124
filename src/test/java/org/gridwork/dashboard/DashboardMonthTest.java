package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.YearMonth;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DashboardMonthTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DashboardService dashboard;
    @Autowired JdbcTemplate jdbc;

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
