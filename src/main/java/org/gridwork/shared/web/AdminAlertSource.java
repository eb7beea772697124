package org.gridwork.shared.web;

import java.util.List;

/**
 * Implemented by a module that has something an administrator must act on at once (a broken audit
 * chain); the admin's home page shows each alert, so its owner depends on no feature module.
 */
public interface AdminAlertSource {

    /** A message key with its argument and the page where the admin acts on it. */
    record Alert(String messageKey, Object arg, String link) {
    }

    List<Alert> adminAlerts();
}
