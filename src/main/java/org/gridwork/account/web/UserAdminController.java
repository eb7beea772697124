package org.gridwork.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.gridwork.account.AccountService;
import org.gridwork.account.AccountService.NewPassword;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.account.UserDetail;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.gridwork.shared.text.TextLimit;

/** Users administration: create, change role and department, disable, unlock, reset the password. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final int PAGE_SIZE = 25;

    private final AccountService accounts;
    private final CurrentUsers currentUsers;

    UserAdminController(AccountService accounts, CurrentUsers currentUsers) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) Boolean enabled, @RequestParam(defaultValue = "0") int page, Model model) {
        var found = accounts.searchUsers(q, role, enabled,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("username")));
        model.addAttribute("users", found);
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("enabled", enabled);
        model.addAttribute("roles", Role.values());
        return "account/admin/users";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new UserForm("", "", Role.GRID_STAFF, null, "", false));
        return form(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        // no form object when a value could not be converted: the binding holds what was typed
        if (errors.getTarget() != null && (form.username() == null || form.username().isBlank())) {
            errors.rejectValue("username", "account.user.usernameRequired");
        }
        if (errors.hasErrors()) {
            return form(model, null);
        }
        try {
            NewPassword created = accounts.createUserByAdmin(form.username(), form.displayName(), form.role(),
                    form.departmentId(), form.phone(), form.totpRequired());
            redirect.addFlashAttribute("newPassword", created);
            redirect.addFlashAttribute("success", "account.user.created");
            return "redirect:/admin/users/" + created.userId();
        } catch (BusinessRuleException e) {
            errors.reject(e.messageKey(), e.args(), null);
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("user", accounts.userDetail(id));
        model.addAttribute("departments", accounts.departments());
        model.addAttribute("self", currentUsers.require().id() == id);
        return "account/admin/user";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        UserDetail u = accounts.userDetail(id);
        model.addAttribute("form", new UserForm(u.username(), u.displayName(), u.role(), u.departmentId(),
                u.phone() == null ? "" : u.phone(), u.totpRequired()));
        return form(model, u);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        UserDetail u = accounts.userDetail(id);
        if (errors.hasErrors()) {
            return form(model, u);
        }
        try {
            accounts.updateUser(id, form.displayName(), form.role(), form.departmentId(), form.phone(), form.totpRequired());
        } catch (BusinessRuleException e) {
            errors.reject(e.messageKey(), e.args(), null);
            return form(model, u);
        }
        redirect.addFlashAttribute("success", "account.user.saved");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.userDetail(id);
        try {
            accounts.disableUser(id, currentUsers.require().id());
            redirect.addFlashAttribute("success", "account.user.disabled");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.enableUser(id);
        redirect.addFlashAttribute("success", "account.user.enabled");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlockUser(id);
        redirect.addFlashAttribute("success", "account.user.unlocked");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newPassword", accounts.resetPassword(id));
        redirect.addFlashAttribute("success", "account.user.passwordReset");
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, UserDetail existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", accounts.departments());
        return "account/admin/user-form";
    }

    record UserForm(
            @TextLimit(max = 50)
            @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{account.user.usernameChars}") String username,
            @NotBlank(message = "{account.user.displayNameRequired}")
            @TextLimit(max = 100) String displayName,
            @NotNull(message = "{account.user.roleRequired}") Role role,
            Long departmentId,
            @Pattern(regexp = "[0-9 +-]{0,20}", message = "{account.user.phoneInvalid}") String phone,
            Boolean requireTotp) {

        boolean totpRequired() {
            return Boolean.TRUE.equals(requireTotp);
        }
    }
}
