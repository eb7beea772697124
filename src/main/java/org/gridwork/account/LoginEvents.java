package org.gridwork.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds the lockout counters from Spring Security's login events. */
@Component
class LoginEvents {

    private final LoginThrottle throttle;

    LoginEvents(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        // only a wrong password counts towards the user's lock; every failure counts for the address
        String username = event instanceof AuthenticationFailureBadCredentialsEvent ? event.getAuthentication().getName() : null;
        throttle.recordFailure(username, address);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof GridworkUserDetails user) {
            throttle.recordPasswordSuccess(user.id());
        }
    }
}
