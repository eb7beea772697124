package org.gridwork.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.gridwork.account.CurrentUsers;
import org.gridwork.account.LoginGate;
import org.gridwork.account.LoginGates;
import org.gridwork.account.TotpService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final CurrentUsers currentUsers;
    private final TotpService totp;
    private final LoginGates gates;

    LoginController(CurrentUsers currentUsers, TotpService totp, LoginGates gates) {
        this.currentUsers = currentUsers;
        this.totp = totp;
        this.gates = gates;
    }

    @GetMapping("/login")
    String login(Authentication authentication) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        return "account/login";
    }

    /** Second step of the login for users with an authenticator app. */
    @GetMapping("/login/totp")
    String secondFactorForm(HttpSession session) {
        if (LoginGate.of(session) != LoginGate.SECOND_FACTOR) {
            return "redirect:/";
        }
        return "account/login-totp";
    }

    @PostMapping("/login/totp")
    String secondFactor(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
                        Model model) {
        if (LoginGate.of(session) != LoginGate.SECOND_FACTOR) {
            return "redirect:/";
        }
        long userId = currentUsers.require().id();
        if (totp.locked(userId)) {
            // too many wrong codes: start again from the password, which is now refused for a while
            session.invalidate();
            return "redirect:/login?error";
        }
        if (!totp.verifyAtLogin(userId, code, request.getRemoteAddr())) {
            model.addAttribute("codeWrong", true);
            return "account/login-totp";
        }
        LoginGate next = gates.next(userId, LoginGate.SECOND_FACTOR);
        LoginGate.passed(session, next);
        return next == null ? "redirect:/" : "redirect:" + next.path();
    }
}
