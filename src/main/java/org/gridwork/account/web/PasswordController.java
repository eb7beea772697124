package org.gridwork.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.LoginGate;
import org.gridwork.account.LoginGates;
import org.gridwork.account.PasswordPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here; a temporary one must be changed before anything else. */
@Controller
class PasswordController {

    private final AccountService accounts;
    private final CurrentUsers currentUsers;
    private final LoginGates gates;

    PasswordController(AccountService accounts, CurrentUsers currentUsers, LoginGates gates) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.gates = gates;
    }

    @GetMapping("/account/password")
    String form(Model model, HttpSession session) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        model.addAttribute("forced", LoginGate.of(session) == LoginGate.CHANGE_PASSWORD);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors, Model model,
                  HttpSession session, RedirectAttributes redirect) {
        model.addAttribute("forced", LoginGate.of(session) == LoginGate.CHANGE_PASSWORD);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        if (!errors.hasErrors() && !form.newPassword().equals(form.repeat())) {
            errors.rejectValue("repeat", "account.password.mismatch");
        }
        if (errors.hasErrors()) {
            return "account/password";
        }
        long userId = currentUsers.require().id();
        Optional<String> problem = accounts.changeOwnPassword(userId, form.current(), form.newPassword(), session.getId());
        if (problem.isPresent()) {
            String field = problem.get().equals("account.password.currentWrong") ? "current" : "newPassword";
            errors.rejectValue(field, problem.get(), new Object[] {PasswordPolicy.MIN_LENGTH}, null);
            return "account/password";
        }
        redirect.addFlashAttribute("success", "account.password.changed");
        if (LoginGate.of(session) == LoginGate.CHANGE_PASSWORD) {
            LoginGate next = gates.next(userId, LoginGate.CHANGE_PASSWORD);
            LoginGate.passed(session, next);
            return next == null ? "redirect:/" : "redirect:" + next.path();
        }
        return "redirect:/account/password";
    }

    record PasswordForm(@NotBlank(message = "{account.password.currentRequired}") String current,
                        @NotBlank(message = "{account.password.newRequired}") String newPassword,
                        String repeat) {
    }
}
