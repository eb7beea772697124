package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gridwork.support.IntegrationTest;
import org.gridwork.territory.GridBoundaryChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** After a boundary change, open issues go to the grid that now covers them, and the timeline says so. */
@IntegrationTest
class IssueBoundaryListenerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void openIssuesFollowTheirLocationAfterABoundaryChange() throws Exception {
        long lamp = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        String location = mvc.perform(post("/issues").with(user(users.loadUserByUsername("staff"))).with(csrf())
                        .param("categoryId", String.valueOf(lamp)).param("description", "boundary test")
                        .param("longitude", "115.0260").param("latitude", "37.5830"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/issues/".length()));
        // as if the issue had been placed in the east grid before its boundary moved
        long east = jdbc.queryForObject("select id from grid where code = '130528112201-002'", Long.class);
        jdbc.update("update issue set grid_id = ? where id = ?", east, id);
        String boundary = jdbc.queryForObject("select boundary_geojson from grid where id = ?", String.class, east);

        // published in a transaction, as the territory module does; re-gridding follows its commit
        transactions.executeWithoutResult(s -> events.publishEvent(new GridBoundaryChanged(east, "130528112201-002", boundary, boundary)));

        // re-gridding issues runs after the commit on another thread
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select g.code from issue i join grid g on g.id = i.grid_id where i.id = ?",
                        String.class, id)).isEqualTo("130528112201-001"));
        assertThat(jdbc.queryForObject("select comment from issue_event where issue_id = ? and action = 'REGRIDDED'",
                String.class, id)).contains("130528112201-001");
    }
}
