package org.gridwork.notification.web;

import org.gridwork.notification.NotificationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class NotificationController {

    private final NotificationService notifications;
    private final java.time.ZoneId zone;

    NotificationController(NotificationService notifications,
            org.gridwork.shared.time.BusinessTime time) {
        this.notifications = notifications;
        this.zone = time.zone();
    }

    @GetMapping("/notifications")
    String list(Model model) {
        model.addAttribute("notifications", notifications.latest(100));
        model.addAttribute("zone", zone);
        return "notification/list";
    }

    /** The bell's badge alone, for htmx to refresh. */
    @GetMapping("/notifications/badge")
    String badge() {
        return "notification/list :: badge";
    }

    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        String url = notifications.open(id);
        return "redirect:" + (url.startsWith("/") && !url.startsWith("//") ? url : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
