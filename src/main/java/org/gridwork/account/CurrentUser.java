package org.gridwork.account;

/** Who is acting: what services need to check roles and data scope. */
public record CurrentUser(long id, String username, String displayName, Role role, Long departmentId) {

    public boolean is(Role r) {
        return role == r;
    }
}
