package org.gridwork.shared.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The application acting on its own: demo data, the first administrator, the data generator,
 * scheduled jobs and reactions to events. Service methods that change data check the caller's role
 * ({@link Authorities}); work nobody is logged in for runs as this principal, explicitly, instead of
 * slipping past the checks with an empty security context. It is no user: {@code CurrentUsers}
 * finds nobody, so code that needs an acting person still refuses.
 */
public final class SystemPrincipal {

    /** The authority of the system principal, {@code ROLE_SYSTEM}; no login ever carries it. */
    public static final String AUTHORITY = "ROLE_SYSTEM";

    private SystemPrincipal() {
    }

    /** An authentication for the named piece of work ("demo data", "time limit job"): audit lines show it. */
    public static Authentication authentication(String work) {
        return UsernamePasswordAuthenticationToken.authenticated("system: " + work, null,
                List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    public static void run(String work, Runnable body) {
        call(work, () -> {
            body.run();
            return null;
        });
    }

    /** Runs the body as the system principal, then puts back whatever context the thread had. */
    public static <T> T call(String work, Supplier<T> body) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(work));
        SecurityContextHolder.setContext(context);
        try {
            return body.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
