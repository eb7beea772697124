package org.gridwork.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.gridwork.account.AccountService;
import org.gridwork.account.DepartmentSummary;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.gridwork.shared.text.TextLimit;

/** Departments (职能部门) that issues are dispatched to: create, rename, retire. */
@Controller
@RequestMapping("/admin/departments")
class DepartmentAdminController {

    private final AccountService accounts;

    DepartmentAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("departments", accounts.departments());
        return "account/admin/departments";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new DepartmentForm("", "", true, org.gridwork.account.CommandLevel.TOWN));
        model.addAttribute("existing", null);
        return "account/admin/department-form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        // no form object when a value could not be converted: the binding holds what was typed
        if (errors.getTarget() != null && (form.code() == null || form.code().isBlank())) {
            errors.rejectValue("code", "account.department.codeRequired");
        }
        model.addAttribute("existing", null);
        if (errors.hasErrors()) {
            return "account/admin/department-form";
        }
        try {
            accounts.createDepartment(form.code(), form.name(), form.levelOrTown(), null);
        } catch (BusinessRuleException e) {
            errors.rejectValue("code", e.messageKey(), e.args(), null);
            return "account/admin/department-form";
        }
        redirect.addFlashAttribute("success", "account.department.created");
        return "redirect:/admin/departments";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        DepartmentSummary d = accounts.department(id);
        model.addAttribute("form", new DepartmentForm(d.code(), d.name(), d.active(), d.level()));
        model.addAttribute("existing", d);
        return "account/admin/department-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        DepartmentSummary d = accounts.department(id);
        model.addAttribute("existing", d);
        if (errors.hasErrors()) {
            return "account/admin/department-form";
        }
        accounts.updateDepartment(id, form.name(), form.isActive(), form.levelOrTown());
        redirect.addFlashAttribute("success", "account.department.saved");
        return "redirect:/admin/departments";
    }

    record DepartmentForm(
            @TextLimit(max = 32)
            @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{account.department.codeChars}") String code,
            @NotBlank(message = "{account.department.nameRequired}")
            @TextLimit(max = 100) String name,
            Boolean active,
            org.gridwork.account.CommandLevel level) {

        boolean isActive() {
            return Boolean.TRUE.equals(active);
        }

        /** County bureau or town office; a town office unless the admin chose otherwise. */
        org.gridwork.account.CommandLevel levelOrTown() {
            return level == org.gridwork.account.CommandLevel.COUNTY ? level : org.gridwork.account.CommandLevel.TOWN;
        }
    }
}
