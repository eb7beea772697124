package org.gridwork.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SessionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()));
    }

    @Test
    void sessionsLiveInTheDatabaseWithThirtyMinutesIdleTimeout() throws Exception {
        Cookie cookie = WebSessions.cookie(WebSessions.login(mvc, "handler", "gridwork-demo"));
        Integer idle = jdbc.queryForObject("select max_inactive_interval from spring_session where session_id = ?",
                Integer.class, sessionId(cookie));
        assertThat(idle).isEqualTo(30 * 60);
        assertThat(jdbc.queryForObject("select principal_name from spring_session where session_id = ?",
                String.class, sessionId(cookie))).isEqualTo("handler");
    }

    @Test
    void aPageViewRewritesTheSessionRowOnlyOnceItsLastAccessIsAMinuteOld() throws Exception {
        Cookie cookie = WebSessions.cookie(WebSessions.login(mvc, "handler", "gridwork-demo"));
        String id = sessionId(cookie);
        String lastAccess = "select last_access_time from spring_session where session_id = ?";
        long atLogin = jdbc.queryForObject(lastAccess, Long.class, id);
        mvc.perform(get("/me").cookie(cookie)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(lastAccess, Long.class, id)).isEqualTo(atLogin);

        // a minute and more later the next page view moves it (and the expiry) on
        jdbc.update("update spring_session set last_access_time = last_access_time - 90000,"
                + " expiry_time = expiry_time - 90000 where session_id = ?", id);
        mvc.perform(get("/me").cookie(cookie)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(lastAccess, Long.class, id)).isGreaterThanOrEqualTo(atLogin);
        assertThat(jdbc.queryForObject("select expiry_time - last_access_time from spring_session where session_id = ?",
                Long.class, id)).isEqualTo(30 * 60 * 1000L);
    }

    @Test
    void loginGivesANewSessionId() throws Exception {
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        var login = mvc.perform(post("/login").param("username", "staff2").param("password", "gridwork-demo")
                .with(csrf()).with(r -> {
                    if (before != null) {
                        r.setCookies(before);
                    }
                    return r;
                })).andReturn();
        Cookie after = WebSessions.cookie(login);
        if (before != null) {
            assertThat(sessionId(after)).isNotEqualTo(sessionId(before));
        }
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                sessionId(after))).isEqualTo(1);
    }

    /**
     * A session is read from the database at the start of every request: what this thread saved
     * during the last request is not served again, so a session ended elsewhere (another instance,
     * an admin) stays ended.
     */
    @Test
    void aSessionEndedElsewhereIsNotServedFromWhatThisThreadSavedBefore() throws Exception {
        // a login without any earlier session: the new session is saved, and nothing reads it back
        Cookie cookie = WebSessions.cookie(mvc.perform(post("/login").param("username", "staff2")
                .param("password", "gridwork-demo").with(csrf())).andReturn());
        assertThat(jdbc.update("delete from spring_session where session_id = ?", sessionId(cookie))).isEqualTo(1);
        mvc.perform(get("/me").cookie(cookie)).andExpect(redirectedUrl("/login"));

        // a page view of a live session reads it once, saves, and its read-back is not served later
        Cookie live = WebSessions.cookie(WebSessions.login(mvc, "staff2", "gridwork-demo"));
        mvc.perform(get("/me").cookie(live)).andExpect(status().isOk());
        jdbc.update("delete from spring_session where session_id = ?", sessionId(live));
        mvc.perform(get("/me").cookie(live)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() throws Exception {
        Cookie cookie = WebSessions.cookie(WebSessions.login(mvc, "staff2", "gridwork-demo"));
        mvc.perform(get("/").cookie(cookie)).andExpect(status().isOk());
        mvc.perform(post("/logout").cookie(cookie).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                sessionId(cookie))).isZero();
        // replaying the old cookie gets nowhere
        mvc.perform(get("/").cookie(cookie)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSessionEndsAfterTheAbsoluteLimitEvenWhenInUse() throws Exception {
        Cookie cookie = WebSessions.cookie(WebSessions.login(mvc, "staff2", "gridwork-demo"));
        @SuppressWarnings("unchecked")
        var repo = (FindByIndexNameSessionRepository<Session>) sessions;
        Session s = repo.findById(sessionId(cookie));
        s.setAttribute(LoginGate.LOGIN_AT, Instant.now().minus(Duration.ofHours(12)).minusSeconds(1));
        repo.save(s);
        mvc.perform(get("/").cookie(cookie)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").cookie(cookie)).andExpect(redirectedUrl("/login"));
    }
}
