package org.gridwork.account.web;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.LoginGate;
import org.gridwork.account.LoginGates;
import org.gridwork.account.TotpService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Two-factor login: enrol an authenticator app, see recovery codes once, switch it off. */
@Controller
class TotpController {

    private final TotpService totp;
    private final CurrentUsers currentUsers;
    private final LoginGates gates;
    private final org.gridwork.account.AccountService accounts;

    TotpController(TotpService totp, CurrentUsers currentUsers, LoginGates gates, org.gridwork.account.AccountService accounts) {
        this.accounts = accounts;
        this.totp = totp;
        this.currentUsers = currentUsers;
        this.gates = gates;
    }

    @GetMapping("/account/totp")
    String status(Model model, HttpSession session) {
        CurrentUser user = currentUsers.require();
        boolean enabled = totp.enabled(user.id());
        model.addAttribute("enabled", enabled);
        model.addAttribute("required", totp.required(user.id()));
        model.addAttribute("forced", LoginGate.of(session) == LoginGate.ENROL_SECOND_FACTOR);
        if (!enabled) {
            model.addAttribute("manualKey", manualKey(totp.startEnrolment(user.id())));
        }
        return "account/totp";
    }

    /**
     * What a person types into an authenticator app without a camera: the base32 secret alone, in
     * groups of four ("ABCD EFGH ..."), as the apps show it, not the whole otpauth:// address.
     */
    static String manualKey(String otpauthUri) {
        String secret = org.springframework.web.util.UriComponentsBuilder.fromUriString(otpauthUri).build()
                .getQueryParams().getFirst("secret");
        return secret == null ? "" : secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The QR code of the pending secret, drawn as SVG (served here: inline data would need a looser CSP). */
    @GetMapping(value = "/account/totp/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    ResponseEntity<String> qr() {
        String uri = totp.currentUri(currentUsers.require().id());
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .header("Cache-Control", "no-store").body(QrSvg.of(uri));
    }

    @PostMapping("/account/totp/confirm")
    String confirm(@RequestParam(defaultValue = "") String code, Model model, HttpSession session,
                   RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        List<String> codes = totp.confirmEnrolment(user.id(), code);
        if (codes.isEmpty()) {
            redirect.addFlashAttribute("error", "account.totp.codeWrong");
            // keep the same secret: the user has already scanned it
            return "redirect:/account/totp/retry";
        }
        if (LoginGate.of(session) == LoginGate.ENROL_SECOND_FACTOR) {
            LoginGate.passed(session, gates.next(user.id(), LoginGate.ENROL_SECOND_FACTOR));
        }
        model.addAttribute("recoveryCodes", codes);
        return "account/totp-recovery";
    }

    /** After a wrong first code: the same secret again, so the app's entry stays valid. */
    @GetMapping("/account/totp/retry")
    String retry(Model model, HttpSession session) {
        CurrentUser user = currentUsers.require();
        if (totp.enabled(user.id())) {
            return "redirect:/account/totp";
        }
        model.addAttribute("enabled", false);
        model.addAttribute("required", totp.required(user.id()));
        model.addAttribute("forced", LoginGate.of(session) == LoginGate.ENROL_SECOND_FACTOR);
        model.addAttribute("manualKey", manualKey(totp.currentUri(user.id())));
        return "account/totp";
    }

    /** New recovery codes replace the old ones: only with the password, so a borrowed session cannot take them. */
    @PostMapping("/account/totp/recovery-codes")
    String newRecoveryCodes(@RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!totp.enabled(user.id())) {
            return "redirect:/account/totp";
        }
        if (!accounts.confirmPassword(user.id(), password)) {
            redirect.addFlashAttribute("error", "account.totp.passwordWrong");
            return "redirect:/account/totp";
        }
        model.addAttribute("recoveryCodes", totp.regenerateRecoveryCodes(user.id()));
        return "account/totp-recovery";
    }

    /** Switching the second factor off asks for the password: a borrowed session cannot weaken the account. */
    @PostMapping("/account/totp/disable")
    String disable(@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        CurrentUser user = currentUsers.require();
        if (!totp.required(user.id()) && !accounts.confirmPassword(user.id(), password)) {
            redirect.addFlashAttribute("error", "account.totp.passwordWrong");
        } else if (totp.required(user.id())) {
            redirect.addFlashAttribute("error", "account.totp.cannotDisableRequired");
        } else {
            totp.disable(user.id());
            redirect.addFlashAttribute("success", "account.totp.disabled");
        }
        return "redirect:/account/totp";
    }
}
