package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The language cookie is Secure exactly where the session cookie is (server.servlet.session.cookie.secure, on in prod). */
class LanguageCookieTest {

    @Test
    void theLanguageCookieIsSecureWhereTheSessionCookieIs() {
        assertThat(languageCookie(true).getSecure()).isTrue();
        assertThat(languageCookie(false).getSecure()).isFalse();
    }

    private static jakarta.servlet.http.Cookie languageCookie(boolean secure) {
        ServerProperties server = new ServerProperties();
        server.getServlet().getSession().getCookie().setSecure(secure);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("server", server);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new WebConfig().localeResolver(beans.getBeanProvider(ServerProperties.class))
                .setLocale(new MockHttpServletRequest(), response, Locale.ENGLISH);
        assertThat(response.getCookie("gridwork-lang")).isNotNull();
        assertThat(response.getCookie("gridwork-lang").isHttpOnly()).isTrue();
        return response.getCookie("gridwork-lang");
    }
}
