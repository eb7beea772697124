package org.gridwork.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The main pages stay within 15 SQL statements per request (issue 8), whatever the data size:
 * counted by the diagnostics filter the test profile switches on.
 */
@IntegrationTest
class SqlStatementBudgetTest {

    static final int BUDGET = 15;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource({"staff, /", "supervisor, /", "admin, /", "handler, /", "staff, /me"})
    void mainPagesStayWithinTheStatementBudget(String username, String path) throws Exception {
        String count = mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse().getHeader("X-Gridwork-SQL-Count");
        assertThat(count).isNotNull();
        assertThat(Integer.parseInt(count)).isBetween(0, BUDGET);
    }

    @org.junit.jupiter.api.Test
    void theCounterSeesTheStatementsOfARequest() throws Exception {
        // staff's home lists their grids: at least the scope and the grid queries
        String count = mvc.perform(get("/").with(user(users.loadUserByUsername("staff"))))
                .andReturn().getResponse().getHeader("X-Gridwork-SQL-Count");
        assertThat(Integer.parseInt(count)).isGreaterThanOrEqualTo(2);
    }
}
