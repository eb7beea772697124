package org.gridwork.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The main pages (those the county benchmark drives) stay within 15 SQL statements per request
 * (issue 8), and a page of many rows costs what a page of one row costs: no statement per row.
 * Counted by the diagnostics filter the test profile switches on.
 */
@IntegrationTest
class SqlStatementBudgetTest {

    static final int BUDGET = 15;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private int statements(String username, String path) throws Exception {
        String count = mvc.perform(get(path).header("X-Gridwork-SQL-Count", "ask")
                        .with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("X-Gridwork-SQL-Count");
        assertThat(count).as("SQL count header of " + path).isNotNull();
        return Integer.parseInt(count);
    }

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource({"staff, /", "supervisor, /", "admin, /", "handler, /", "staff, /me", "staff, /today",
            "supervisor, /residents?q=王", "supervisor, /residents?q=130528195604121230",
            "supervisor, /residents?afterName=张&afterId=1", "staff, /residents", "supervisor, /issues",
            "supervisor, /issues?status=CLOSED&categoryId=1", "supervisor, /issues?before=1000000",
            "supervisor, /dashboard", "supervisor, /dashboard?node=130528112", "staff, /open311/v2/requests.json",
            "staff, /visits/new", "supervisor, /tasks", "staff, /campaigns", "supervisor, /campaigns"})
    void mainPagesStayWithinTheStatementBudget(String username, String path) throws Exception {
        assertThat(statements(username, path)).isBetween(1, BUDGET);
    }

    @Test
    void loggingAVisitIsCountedToo() throws Exception {
        long resident = jdbc.queryForObject("select min(r.id) from resident r join grid_staff gs on gs.grid_id = r.grid_id"
                + " join app_user u on u.id = gs.user_id where u.username = 'staff' and r.status = 'LIVING'", Long.class);
        String count = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/visits")
                        .header("X-Gridwork-SQL-Count", "ask")
                        .param("token", java.util.UUID.randomUUID().toString()).param("residentId", "" + resident)
                        .param("kind", "CARE").param("condition", "GOOD").param("findings", "身体良好")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(user(users.loadUserByUsername("staff"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getHeader("X-Gridwork-SQL-Count");
        assertThat(count).isNotNull();
        assertThat(Integer.parseInt(count)).isBetween(1, BUDGET);
    }

    @Test
    void aCampaignsProgressAndWalkingListStayWithinTheBudget() throws Exception {
        long campaign = jdbc.queryForObject("select min(id) from campaign", Long.class);
        assertThat(statements("supervisor", "/campaigns/" + campaign)).isBetween(1, BUDGET);
        assertThat(statements("supervisor", "/campaigns/" + campaign + "?node=130528112201")).isBetween(1, BUDGET);
        assertThat(statements("staff", "/campaigns/" + campaign + "/next")).isBetween(1, BUDGET);
    }

    @Test
    void anIssuePageStaysWithinTheBudget() throws Exception {
        long issue = jdbc.queryForObject("select min(id) from issue", Long.class);
        assertThat(statements("admin", "/issues/" + issue)).isBetween(1, BUDGET);
    }

    @Test
    void aFullPageOfRowsCostsNoMoreStatementsThanOneRow() throws Exception {
        String oneName = jdbc.queryForObject("select r.name from resident r join grid g on g.id = r.grid_id"
                + " where g.code like '130528112%' group by r.name having count(*) = 1 limit 1", String.class);
        String manyNamesLike = jdbc.queryForObject("select left(r.name, 1) from resident r join grid g on g.id = r.grid_id"
                + " where g.code like '130528112%' group by 1 having count(*) >= 20 limit 1", String.class);
        assertThat(fewest("supervisor", "/residents?q=" + manyNamesLike))
                .isEqualTo(fewest("supervisor", "/residents?q=" + oneName));
        long issue = jdbc.queryForObject("select max(id) from issue", Long.class);
        assertThat(fewest("supervisor", "/issues")).isEqualTo(fewest("supervisor", "/issues?before=" + issue));
    }

    /** The fewest of three runs: caches of read-mostly data (grid directory) check their version now and then. */
    private int fewest(String username, String path) throws Exception {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            fewest = Math.min(fewest, statements(username, path));
        }
        return fewest;
    }
}
