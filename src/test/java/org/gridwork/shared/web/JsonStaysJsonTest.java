package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Jackson's XML mapper is on the classpath for Open311; the application's JSON answers must stay
 * JSON for a browser (whose Accept header ranks application/xml above anything else), for fetch()
 * ({@code *}/{@code *}) and for clients that send no Accept header at all.
 */
@IntegrationTest
class JsonStaysJsonTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void jsonEndpointsAnswerJsonWhateverTheClientAccepts() throws Exception {
        for (String accept : new String[] {BROWSER, "*/*", null}) {
            for (String url : new String[] {"/territory/areas.json?q=", "/dashboard/map", "/actuator/health"}) {
                MockHttpServletRequestBuilder request = get(url);
                if (!url.startsWith("/actuator")) {
                    request.with(user(users.loadUserByUsername("admin")));
                }
                if (accept != null) {
                    request.header("Accept", accept);
                }
                MvcResult r = mvc.perform(request).andReturn();
                String what = url + " with Accept " + accept;
                assertThat(r.getResponse().getStatus()).as(what).isEqualTo(200);
                assertThat(r.getResponse().getContentType()).as(what).contains("json").doesNotContain("xml");
                assertThat(r.getResponse().getContentAsString()).as(what).matches("(?s)^[\\[{].*");
            }
        }
    }
}
