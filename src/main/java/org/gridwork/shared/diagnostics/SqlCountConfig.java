package org.gridwork.shared.diagnostics;

import java.io.IOException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * With {@code gridwork.diagnostics.sql-count=true} a request that sends the header
 * {@code X-Gridwork-SQL-Count} gets it back with the number of statements it executed. Used by
 * the benchmark's probe and by the tests that keep pages free of N+1 queries; off in normal
 * operation. Only asking requests are buffered, so load under measurement runs as in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gridwork.diagnostics.sql-count", havingValue = "true")
class SqlCountConfig {

    static final String HEADER = "X-Gridwork-SQL-Count";

    @Bean
    static BeanPostProcessor sqlCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && !(bean instanceof java.lang.reflect.Proxy)
                        ? SqlStatementCounter.wrap(ds) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sqlCountFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                SqlStatementCounter.reset();
                if (request.getHeader(HEADER) == null) {
                    chain.doFilter(request, response);
                    return;
                }
                // buffer the body so the header can still be set after the page is rendered; a
                // redirect is sent at once, so it gets the header as it goes
                ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response) {
                    @Override
                    public void sendRedirect(String location) throws IOException {
                        setHeader(HEADER, Integer.toString(SqlStatementCounter.current()));
                        super.sendRedirect(location);
                    }
                };
                try {
                    chain.doFilter(request, wrapper);
                } finally {
                    wrapper.setHeader(HEADER, Integer.toString(SqlStatementCounter.current()));
                    wrapper.copyBodyToResponse();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
