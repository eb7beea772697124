package org.gridwork.account;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Wraps Spring Session's filter so that the session a request saved is forgotten when the request
 * ends ({@link QuietSessionRepository}): the next request on this thread reads its session from
 * the database, whatever another thread or instance did to it meanwhile.
 */
class SessionReadBackFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            QuietSessionRepository.forgetSaved();
        }
    }
}
