package org.gridwork.issue.open311;

import org.gridwork.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create a key per channel (shown once) and revoke keys. */
@Controller
class Open311KeyAdminController {

    private final Open311Keys keys;
    private final java.time.ZoneId zone;

    Open311KeyAdminController(Open311Keys keys,
            org.gridwork.shared.time.BusinessTime time) {
        this.keys = keys;
        this.zone = time.zone();
    }

    @GetMapping("/admin/open311-keys")
    String list(Model model) {
        model.addAttribute("keys", keys.all());
        model.addAttribute("zone", zone);
        return "issue/open311-keys";
    }

    @PostMapping("/admin/open311-keys")
    String create(@RequestParam(required = false) String channel, RedirectAttributes redirect) {
        try {
            String key = keys.create(channel);
            redirect.addFlashAttribute("success", "issue.open311.newKey");
            redirect.addFlashAttribute("successArgs", channel.strip());
            // only its hash is kept: this redirect is the one time the key is ever shown
            redirect.addFlashAttribute("newKey", key);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/admin/open311-keys";
    }

    @PostMapping("/admin/open311-keys/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        keys.revoke(id);
        redirect.addFlashAttribute("success", "issue.open311.revoked");
        return "redirect:/admin/open311-keys";
    }
}
