package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.TemplateEngine;

@IntegrationTest
class DatabaseDownFilterTest {

    @Autowired
    TemplateEngine templates;
    @Autowired
    LocaleResolver locales;

    MockHttpServletResponse run(RuntimeException failure, String language) throws Exception {
        DatabaseDownFilter filter = new DatabaseDownFilter(templates, locales, () -> true);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/residents");
        request.addHeader("Accept-Language", language);
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain failing = (req, res) -> {
            throw failure;
        };
        filter.doFilter(request, response, failing);
        return response;
    }

    @Test
    void anUnreachableDatabaseAnswersAFriendly503Page() throws Exception {
        MockHttpServletResponse response = run(new CannotGetJdbcConnectionException("pool timeout",
                new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms")), "en");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("Temporarily unavailable").contains("try again in a few seconds")
                .doesNotContain("Exception");
    }

    @Test
    void thePageFollowsTheBrowsersLanguage() throws Exception {
        MockHttpServletResponse response = run(new CannotCreateTransactionException("no connection"), "zh-CN");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("数据库");
    }

    @Test
    void aRollbackThatFailsBecauseTheConnectionWentAwayIsA503NotA500() throws Exception {
        // what an outside test saw during a database restart: the statement's connection was cut, and
        // rolling back on it failed (Hibernate's TransactionException, without an SQL state of its own)
        RuntimeException failure = new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection reset")));
        MockHttpServletResponse response = run(failure, "en");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("Temporarily unavailable");
    }

    @Test
    void theServerShuttingDownOrNotYetAcceptingIsA503() throws Exception {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            RuntimeException failure = new JpaSystemException(new RuntimeException(
                    new java.sql.SQLException("the database system is shutting down", state)));
            assertThat(run(failure, "en").getStatus()).as(state).isEqualTo(503);
        }
        assertThat(run(new org.springframework.orm.jpa.JpaSystemException(new RuntimeException(new java.io.EOFException())),
                "en").getStatus()).isEqualTo(503);
    }

    @Test
    void aFailureOfAnotherKindWhileTheDatabaseCannotBeReachedIsA503() throws Exception {
        DatabaseDownFilter filter = new DatabaseDownFilter(templates, locales, () -> false);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/visits");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new JpaSystemException(new RuntimeException("something the driver says while the server restarts"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresAreLeftToTheUsualErrorHandling() {
        assertThatThrownBy(() -> run(new IllegalStateException("a bug"), "en")).isInstanceOf(IllegalStateException.class);
    }
}
