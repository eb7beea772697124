package org.gridwork.shared.web;

import java.util.Set;

/**
 * What the logged-in user's role lets the screens offer, worked out here once instead of
 * {@code currentRole == 'ADMIN' or ...} in templates: in the model as {@code roleFlags}
 * ({@code th:if="${roleFlags.manager}"}). Showing a button is a convenience; the services check again.
 */
public final class RoleFlags {

    private final Set<String> roles;

    RoleFlags(Set<String> roles) {
        this.roles = Set.copyOf(roles);
    }

    public boolean isLoggedIn() {
        return !roles.isEmpty();
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public boolean isSupervisor() {
        return roles.contains("SUPERVISOR");
    }

    public boolean isGridStaff() {
        return roles.contains("GRID_STAFF");
    }

    public boolean isHandler() {
        return roles.contains("HANDLER");
    }

    /** Supervisors and administrators: file, dispatch and verify issues, manage tasks. */
    public boolean isManager() {
        return isAdmin() || isSupervisor();
    }

    /** Everyone who works in grids (not department handlers): report issues, register residents, log visits. */
    public boolean isFieldWorker() {
        return isManager() || isGridStaff();
    }
}
