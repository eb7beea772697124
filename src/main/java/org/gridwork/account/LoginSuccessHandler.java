package org.gridwork.account;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/** After the password: note the login time (absolute timeout), then the first open gate or the page asked for. */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LoginGates gates;
    private final RequestCache requests = new HttpSessionRequestCache();

    LoginSuccessHandler(LoginGates gates) {
        this.gates = gates;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        HttpSession session = request.getSession();
        session.setAttribute(LoginGate.LOGIN_AT, Instant.now());
        if (auth.getPrincipal() instanceof GridworkUserDetails user) {
            LoginGate gate = gates.next(user.id(), null);
            if (gate != null) {
                session.setAttribute(LoginGate.ATTRIBUTE, gate);
                getRedirectStrategy().sendRedirect(request, response, gate.path());
                return;
            }
        }
        boolean staff = auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Role.GRID_STAFF.name()).equals(a.getAuthority()));
        if (staff && requests.getRequest(request, response) == null) {
            // grid staff start their day on their today list, not on a home page that points to it
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, "/today");
            return;
        }
        super.onAuthenticationSuccess(request, response, auth);
    }
}
