package org.gridwork.issue;

import org.gridwork.account.CommandLevel;
import org.gridwork.account.Role;

/**
 * Who acts on an issue, with what the service already knows about their scope: whether the
 * issue's grid lies within it, and the level they act at (county, town, village, grid; null for
 * admins and the system). The aggregate decides from this alone, so the rules are testable
 * without a database.
 */
record Actor(Long userId, String name, Role role, Long departmentId, boolean gridInScope, CommandLevel level) {

    Actor(Long userId, String name, Role role, Long departmentId, boolean gridInScope) {
        this(userId, name, role, departmentId, gridInScope, defaultLevel(role));
    }

    /** Without an assignment to look at: supervisors at the town, staff at the grid. */
    private static CommandLevel defaultLevel(Role role) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case ADMIN -> null;
            case SUPERVISOR, HANDLER -> CommandLevel.TOWN;
            case GRID_STAFF -> CommandLevel.GRID;
        };
    }

    static Actor system() {
        return new Actor(null, "system", null, null, false, null);
    }

    /** A resident through the public reporting page: no account, no name on the timeline. */
    static Actor publicReporter() {
        return new Actor(null, "public", null, null, false, null);
    }

    /** The county centre's desk: a county supervisor (or an admin, who stands for any level). */
    boolean countyDesk() {
        return role == Role.ADMIN || (role == Role.SUPERVISOR && level == CommandLevel.COUNTY && gridInScope);
    }

    /** A supervisor below the county (town or village) with the grid in scope, or an admin. */
    boolean townDesk() {
        return role == Role.ADMIN || (role == Role.SUPERVISOR && level != CommandLevel.COUNTY && gridInScope);
    }
}
