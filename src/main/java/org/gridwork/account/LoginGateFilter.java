package org.gridwork.account;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after authentication: ends sessions older than the absolute limit (12 h by default, even
 * when in use), and sends a user with an open {@link LoginGate} to that gate's page.
 */
class LoginGateFilter extends OncePerRequestFilter {

    private final Duration absoluteTimeout;

    LoginGateFilter(Duration absoluteTimeout) {
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Instant loginAt = (Instant) session.getAttribute(LoginGate.LOGIN_AT);
            if (loginAt != null && loginAt.plus(absoluteTimeout).isBefore(Instant.now())) {
                session.invalidate();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            LoginGate gate = LoginGate.of(session);
            if (gate != null && !allowed(request, gate)) {
                response.sendRedirect(request.getContextPath() + gate.path());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(HttpServletRequest request, LoginGate gate) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(gate.path()) || path.startsWith(gate.path() + "/") || path.equals("/logout")
                || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.equals("/error") || path.equals("/favicon.ico");
    }
}
