package org.gridwork.issue;

import org.gridwork.account.Role;

/**
 * Who acts on an issue, with what the service already knows about their scope: whether the
 * issue's grid lies within it. The aggregate decides from this alone, so the rules are testable
 * without a database.
 */
record Actor(Long userId, String name, Role role, Long departmentId, boolean gridInScope) {

    static Actor system() {
        return new Actor(null, "system", null, null, false);
    }

    /** A resident through the public reporting page: no account, no name on the timeline. */
    static Actor publicReporter() {
        return new Actor(null, "public", null, null, false);
    }
}
