package org.gridwork.account;

/** What other modules may know of a user. */
public record UserSummary(long id, String username, String displayName, Role role, Long departmentId, boolean enabled) {
}
