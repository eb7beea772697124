package org.gridwork.shared.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * While the database is unreachable (restart, failover) every request fails fast: the pool gives
 * up after its connection timeout and this outermost filter answers a friendly 503 page, drawn
 * without the database (no session, no navigation), with Retry-After. It sits before the session
 * filter because sessions live in the database too. A database failure of another kind is a 503 as
 * well when, at that moment, no connection can be had (checked only on such failures).
 */
class DatabaseDownFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseDownFilter.class);

    private final TemplateEngine templates;
    private final LocaleResolver locales;
    private final BooleanSupplier databaseReachable;

    DatabaseDownFilter(TemplateEngine templates, LocaleResolver locales, BooleanSupplier databaseReachable) {
        this.templates = templates;
        this.locales = locales;
        this.databaseReachable = databaseReachable;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (response.isCommitted() || !(databaseDown(e) || dataAccessFailure(e) && !databaseReachable.getAsBoolean())) {
                throw e;
            }
            log.warn("Database unreachable, answered 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            render(request, response);
        }
    }

    /**
     * A failure whose causes say the connection is gone: the pool gave none, the socket broke, the
     * server is shutting down or starting up (57P01–57P03) or full (53300), or a rollback failed
     * (Hibernate's "Unable to rollback against JDBC Connection" carries no SQL state of its own: its
     * connection was cut, as an outside test saw five times during a restart).
     */
    static boolean databaseDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.SocketException
                    || t instanceof java.io.EOFException
                    || t instanceof org.hibernate.TransactionException && t.getMessage() != null
                            && t.getMessage().startsWith("Unable to rollback")
                    || t instanceof java.sql.SQLException s && connectionState(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || "53300".equals(state));
    }

    /** Any other failure from the database layer: a 503 too when, right now, no connection can be had. */
    private static boolean dataAccessFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessException || t instanceof org.springframework.transaction.TransactionException
                    || t instanceof jakarta.persistence.PersistenceException || t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        Locale locale;
        try {
            locale = locales.resolveLocale(request);
        } catch (RuntimeException e) {
            locale = Locale.SIMPLIFIED_CHINESE;
        }
        if (accepts(request, "application/json")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":503,\"error\":\"database unavailable\"}");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        templates.process("error/503-standalone", new WebContext(exchange, locale), response.getWriter());
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type) && !accept.contains("text/html");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Outermost: before Spring Session's filter (MIN_VALUE + 50) and Spring Security's. */
        @Bean
        FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter(TemplateEngine templates, LocaleResolver locales,
                DataSource dataSource) {
            BooleanSupplier reachable = () -> {
                try (Connection c = dataSource.getConnection()) {
                    return c.isValid(1);
                } catch (SQLException | RuntimeException e) {
                    return false;
                }
            };
            FilterRegistrationBean<DatabaseDownFilter> bean = new FilterRegistrationBean<>(new DatabaseDownFilter(templates, locales, reachable));
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return bean;
        }
    }
}
