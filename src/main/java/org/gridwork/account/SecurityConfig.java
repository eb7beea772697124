package org.gridwork.account;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /** {bcrypt} for new hashes; {argon2}, {pbkdf2}... still verify, so the default can move on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, @Value("${gridwork.map.tile-url:}") String tileUrl) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/open311/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID", "SESSION"))
                // Open311 clients post without a session: their api_key authenticates them (issue module)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/open311/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
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
}
