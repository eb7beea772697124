package org.gridwork.notification.web;

import org.gridwork.notification.NotificationService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count for the bell in the layout, on every page of a logged-in user. */
@ControllerAdvice
class NotificationBellAdvice {

    private final NotificationService notifications;

    NotificationBellAdvice(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    long unreadNotifications() {
        return notifications.unreadCount();
    }
}
