package org.gridwork.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridwork.shared.audit.AuditEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A logged-in user answered 404 by a controller (a record that does not exist or lies outside
 * their scope) is recorded as ACCESS_REFUSED: probing ids shows up in the trail. (403s are
 * recorded by the security configuration's access-denied handler.)
 */
@Configuration(proxyBeanMethods = false)
class AccessRefusedAuditor implements WebMvcConfigurer {

    private final AuditRecorder recorder;

    AccessRefusedAuditor(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (response.getStatus() == 404 && auth != null && auth.isAuthenticated()
                        && !(auth instanceof AnonymousAuthenticationToken)) {
                    recorder.recordAs(new AuditEvent("ACCESS_REFUSED", "URL", request.getMethod() + " " + request.getRequestURI(),
                            false, "404"), null);
                }
            }
        }).excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error");
    }
}
