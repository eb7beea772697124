package org.gridwork.shared.security;

/**
 * Who may call a service method that changes data, as {@code @PreAuthorize} expressions: the second
 * guard behind the URL rules and the controllers, so that a URL rule is never the only one. Data
 * scope is checked inside the methods as before (404 outside it); these only say which roles may
 * try at all. The system principal ({@link SystemPrincipal}) may call every one of them.
 */
public final class Authorities {

    /** Administrators: users, departments, territory, tags, categories, calendar. */
    public static final String ADMIN = "hasAnyRole('ADMIN', 'SYSTEM')";

    /** Supervisors and administrators: tasks, care plans. */
    public static final String MANAGER = "hasAnyRole('ADMIN', 'SUPERVISOR', 'SYSTEM')";

    /** People who work in grids (staff, supervisors, administrators): residents, visits, reporting issues. */
    public static final String FIELD = "hasAnyRole('ADMIN', 'SUPERVISOR', 'GRID_STAFF', 'SYSTEM')";

    /** Grid staff: their own task assignments. */
    public static final String STAFF = "hasAnyRole('GRID_STAFF', 'SYSTEM')";

    /** Whoever an issue can be dispatched to: grid staff and department handlers (the aggregate checks it is them). */
    public static final String ASSIGNEE = "hasAnyRole('GRID_STAFF', 'HANDLER', 'SYSTEM')";

    /**
     * Any logged-in role, handlers included: issue workflow steps (the {@code Issue} aggregate checks
     * which actor may take which step), one's own password and notifications.
     */
    public static final String ANY_ROLE = "hasAnyRole('ADMIN', 'SUPERVISOR', 'GRID_STAFF', 'HANDLER', 'SYSTEM')";

    /** The application itself only: jobs and reactions to events. */
    public static final String SYSTEM = "hasRole('SYSTEM')";

    private Authorities() {
    }
}
