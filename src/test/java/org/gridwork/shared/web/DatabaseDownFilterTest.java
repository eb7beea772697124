package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
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
        DatabaseDownFilter filter = new DatabaseDownFilter(templates, locales);
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
    void otherFailuresAreLeftToTheUsualErrorHandling() {
        assertThatThrownBy(() -> run(new IllegalStateException("a bug"), "en")).isInstanceOf(IllegalStateException.class);
    }
}
