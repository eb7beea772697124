package org.gridwork.shared.web;

import java.util.Set;

/**
 * An entry of the main navigation, contributed as a bean by the module that owns the screen, so
 * that the layout needs no knowledge of the modules.
 *
 * @param messageKey label key in the messages bundles
 * @param path       target URL
 * @param icon       Bootstrap icon name without the {@code bi-} prefix
 * @param order      position, smaller first
 * @param roles      roles (without {@code ROLE_}) that see it
 */
public record NavigationItem(String messageKey, String path, String icon, int order, Set<String> roles) {

    /** Administration screens are grouped under one menu. */
    public boolean admin() {
        return path.startsWith("/admin/");
    }

    public boolean visibleTo(Set<String> userRoles) {
        return roles.stream().anyMatch(userRoles::contains);
    }
}
