package org.gridwork.account;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the acting user from the security context; services ask here, never the web layer. */
@Component
public class CurrentUsers {

    public Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GridworkUserDetails details) {
            return Optional.of(details.currentUser());
        }
        return Optional.empty();
    }

    /** The acting user; refuses when nobody is logged in (a programming error in a secured path). */
    public CurrentUser require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not logged in"));
    }
}
