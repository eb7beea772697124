package org.gridwork.account;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridwork.shared.audit.AuditEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.SessionManagementFilter;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({LoginSettings.class, SessionSettings.class})
class SecurityConfig {

    /** {bcrypt} for new hashes; {argon2}, {pbkdf2}... still verify, so the default can move on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, org.gridwork.shared.web.MapTiles tiles, SessionSettings sessions,
                            LoginGates gates, LoginThrottle throttle, ApplicationEventPublisher events) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/open311/**",
                                // residents' pages (issue 19): no login; CSRF stays on for their forms
                                "/public/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new LoginSuccessHandler(gates))
                        .failureHandler(loginFailures()).permitAll())
                // logout ends the session on the server (it lives in the database, for every instance)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").invalidateHttpSession(true)
                        .clearAuthentication(true).deleteCookies("JSESSIONID", "SESSION"))
                // a new session id at login: a session fixed by an attacker before login is worthless after it
                .sessionManagement(session -> session
                        .sessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy()))
                .exceptionHandling(ex -> ex.accessDeniedHandler(auditedAccessDenied(events)))
                .addFilterBefore(new LoginAddressFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new LoginGateFilter(sessions.absoluteTimeout()), SessionManagementFilter.class)
                // Open311 clients post without a session: their api_key authenticates them (issue module)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/open311/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tiles.tileUrl())))
                        .frameOptions(frame -> frame.deny())
                        .contentTypeOptions(Customizer.withDefaults())
                        // sent only on HTTPS requests (behind the prod proxy with forwarded headers)
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** A 403 is recorded in the audit trail before the usual page. */
    private static AccessDeniedHandler auditedAccessDenied(ApplicationEventPublisher events) {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        return new AccessDeniedHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                    throws IOException, jakarta.servlet.ServletException {
                events.publishEvent(new AuditEvent("ACCESS_REFUSED", "URL", request.getMethod() + " " + request.getRequestURI(),
                        false, "403"));
                page.handle(request, response, e);
            }
        };
    }

    /** No inline scripts or styles anywhere: page scripts live in /js and read data-* attributes. */
    static String contentSecurityPolicy(String tileUrl) {
        String tiles = tileSource(tileUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + tiles
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'";
    }

    private static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(tileUrl.replace("{s}", "tiles").replaceAll("\\{[a-z]+}", "0"));
            String host = tileUrl.contains("{s}.") ? "*." + uri.getHost().substring("tiles.".length()) : uri.getHost();
            return " " + uri.getScheme() + "://" + host;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * A wrong password reads the same for every user name; only a temporary password that was right
     * but is past its validity (checked after the password) says so, so the user knows to ask an admin.
     */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler loginFailures() {
        var handler = new org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(java.util.Map.of(
                org.springframework.security.authentication.CredentialsExpiredException.class.getName(), "/login?temporaryExpired"));
        return handler;
    }
}
