package org.gridwork.shared.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders a template fragment to a string, exactly as the page would render it (messages, links,
 * beans, the request's context path), so that a part of a page shared by many users can be kept
 * and put into their pages as it is. What is kept must not hold anything of one user or session:
 * no CSRF token (GET forms only), no names of the viewer.
 */
@Component
public class RenderedFragments {

    private final ThymeleafViewResolver views;

    RenderedFragments(ThymeleafViewResolver views) {
        this.views = views;
    }

    /** The markup of {@code "template :: selector"} with these model values. */
    public String render(String fragment, Map<String, ?> model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View view = views.resolveViewName(fragment, locale);
            if (view == null) {
                throw new IllegalStateException("no template for " + fragment);
            }
            StringWriter out = new StringWriter(16 * 1024);
            view.render(model, request, new Capture(response, out));
            String html = out.toString();
            requireNothingOfTheSession(fragment, html, request);
            return html;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not render " + fragment, e);
        }
    }

    /**
     * A kept fragment is put into other users' pages: a CSRF token in it (a POST form, the token's
     * meta tags) would hand one session's token to everybody. Refused when rendering, not found later.
     */
    static void requireNothingOfTheSession(String fragment, String html, HttpServletRequest request) {
        boolean leaks = html.contains("name=\"_csrf");
        if (!leaks && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            String token = csrf.getToken();
            leaks = token != null && !token.isEmpty() && html.contains(token);
        }
        if (leaks) {
            throw new IllegalStateException(fragment + " holds the session's CSRF token and cannot be kept:"
                    + " kept fragments have GET forms only");
        }
    }

    /** Takes what the view writes; leaves the real response's headers and body alone. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final PrintWriter writer;

        Capture(HttpServletResponse response, StringWriter out) {
            super(response);
            this.writer = new PrintWriter(out);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("fragments are written as text");
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setLocale(Locale locale) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }
    }
}
