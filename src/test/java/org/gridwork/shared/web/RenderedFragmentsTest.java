package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.DispatcherServlet;

/** A fragment kept for many users can never carry one session's CSRF token. */
@IntegrationTest
class RenderedFragmentsTest {

    @Autowired RenderedFragments fragments;
    @Autowired WebApplicationContext context;

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    private MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", "/dashboard");
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-of-one-session"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return request;
    }

    @Test
    void aFragmentWithAPostFormIsRefusedWhenRendered() {
        assertThatThrownBy(() -> fragments.render("test/kept :: postForm", Map.of(), Locale.CHINA, request(),
                new MockHttpServletResponse())).isInstanceOf(IllegalStateException.class).hasMessageContaining("CSRF");
    }

    @Test
    void aFragmentWithAGetFormIsKeptAsItIs() {
        String html = fragments.render("test/kept :: getForm", Map.of(), Locale.CHINA, request(), new MockHttpServletResponse());
        assertThat(html).contains("method=\"get\"").doesNotContain("token-of-one-session");
    }

    @Test
    void theTokenIsRecognisedWhereverItStands() {
        MockHttpServletRequest request = request();
        assertThatThrownBy(() -> RenderedFragments.requireNothingOfTheSession("x", "<a data-t=\"token-of-one-session\">",
                request)).isInstanceOf(IllegalStateException.class);
    }
}
