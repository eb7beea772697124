package org.gridwork.resident.web;

import org.gridwork.resident.ResidentTags;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set the special groups' default visit intervals and add groups. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TagAdminController {

    private final ResidentTags residentTags;

    TagAdminController(ResidentTags residentTags) {
        this.residentTags = residentTags;
    }

    @GetMapping("/resident-tags")
    String list(Model model) {
        model.addAttribute("tags", residentTags.tags());
        return "resident/tags";
    }

    @PostMapping("/resident-tags/{code}")
    String changeInterval(@PathVariable String code, @RequestParam int days, RedirectAttributes flash) {
        try {
            residentTags.changeTagInterval(code, days);
            flash.addFlashAttribute("success", "resident.tag.saved");
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/resident-tags";
    }

    @PostMapping("/resident-tags")
    String add(@RequestParam String code, @RequestParam String nameZh, @RequestParam String nameEn,
            @RequestParam int days, @RequestParam(defaultValue = "false") boolean sensitive, RedirectAttributes flash) {
        try {
            residentTags.addTag(code, nameZh, nameEn, days, sensitive);
            flash.addFlashAttribute("success", "resident.tag.added");
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args().length > 0 ? e.args()[0] : null);
        }
        return "redirect:/resident-tags";
    }
}
