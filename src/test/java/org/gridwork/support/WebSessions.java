package org.gridwork.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Logs in through the real login form and hands back the session cookie, for tests that follow a
 * user across requests (sessions live in the database, identified by the SESSION cookie).
 */
public final class WebSessions {

    private WebSessions() {
    }

    public static MvcResult login(MockMvc mvc, String username, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
    }

    public static MvcResult loginFrom(MockMvc mvc, String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(r -> address(r, address))).andReturn();
    }

    public static Cookie cookie(MvcResult login) {
        Cookie cookie = login.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new AssertionError("no SESSION cookie after login; redirected to " + login.getResponse().getRedirectedUrl());
        }
        return cookie;
    }

    private static MockHttpServletRequest address(MockHttpServletRequest request, String address) {
        request.setRemoteAddr(address);
        return request;
    }
}
