package org.gridwork.shared.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL refuses text containing a NUL character; without this a {@code %00} typed into any
 * search or form field (scanners do it first) became a 500. Such requests get a 400 page before
 * they reach a controller. Multipart uploads are left alone (their parts are not text fields).
 */
class ControlCharacterFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getKey().indexOf('\0') >= 0 || hasNul(p.getValue())) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(String[] values) {
        for (String v : values) {
            if (v != null && v.indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter() {
            FilterRegistrationBean<ControlCharacterFilter> bean = new FilterRegistrationBean<>(new ControlCharacterFilter());
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return bean;
        }
    }
}
