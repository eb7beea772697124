package org.gridwork.issue.web;

import org.gridwork.issue.CategoryService;
import org.gridwork.issue.LimitUnit;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins edit each subclass's time limits. */
@Controller
class CategoryAdminController {

    private final CategoryService categories;

    CategoryAdminController(CategoryService categories) {
        this.categories = categories;
    }

    @GetMapping("/admin/issue-categories")
    String list(Model model) {
        model.addAttribute("categoryTree", categories.tree(false));
        model.addAttribute("units", LimitUnit.values());
        return "issue/categories";
    }

    @PostMapping("/admin/issue-categories/{id}")
    String save(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "0") int limitAmount,
            @RequestParam(required = false) LimitUnit limitUnit, @RequestParam(defaultValue = "false") boolean emergency,
            @RequestParam(defaultValue = "0") int verifyLimitHours, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "false") boolean publicReporting,
            RedirectAttributes redirect) {
        try {
            categories.changeLimits(id, version, limitAmount, limitUnit, emergency, verifyLimitHours, active, publicReporting);
            redirect.addFlashAttribute("success", "issue.category.saved");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/issue-categories";
    }
}
