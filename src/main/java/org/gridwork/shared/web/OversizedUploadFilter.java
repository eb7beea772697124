package org.gridwork.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the multipart parser takes at all (spring.servlet.multipart.max-request-size,
 * the division import's 100 MB) is answered before anything reads it: the security filters would
 * otherwise make Tomcat parse it for the CSRF token, fail, and answer "forbidden". The answer is
 * the 413 page in the layout, in the user's language (the error dispatch renders error/413); Tomcat
 * reads the rest of the body and drops it (server.tomcat.max-swallow-size=-1), so that the browser,
 * still sending, receives the page instead of a reset connection. Smaller uploads over a screen's
 * own limit are refused by {@link UploadLimits} with the limit named.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class OversizedUploadFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;

    /** Spring Boot's own multipart settings, the ones the parser applies (none: multipart is switched off). */
    OversizedUploadFilter(ObjectProvider<MultipartProperties> multipart) {
        MultipartProperties settings = multipart.getIfAvailable();
        this.maxRequestBytes = settings == null || settings.getMaxRequestSize() == null ? -1
                : settings.getMaxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (maxRequestBytes > 0 && request.getContentLengthLong() > maxRequestBytes && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
