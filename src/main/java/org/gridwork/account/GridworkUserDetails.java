package org.gridwork.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in principal; serialisable so that sessions can be stored in the database. */
final class GridworkUserDetails implements UserDetails {

    private static final long serialVersionUID = 2L;

    private final long id;
    private final String username;
    private final String password;
    private final String displayName;
    private final Role role;
    private final Long departmentId;
    private final boolean enabled;
    private final boolean accountNonLocked;

    GridworkUserDetails(AppUser user) {
        this.id = user.getId();
        this.username = user.getUsername();
        this.password = user.getPasswordHash();
        this.displayName = user.getDisplayName();
        this.role = user.getRole();
        this.departmentId = user.getDepartmentId();
        this.enabled = user.isEnabled();
        this.accountNonLocked = !user.isLockedAt(java.time.Instant.now());
    }

    CurrentUser currentUser() {
        return new CurrentUser(id, username, displayName, role, departmentId);
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Locked for a while after too many failed logins; the login page does not say so. */
    @Override
    public boolean isAccountNonLocked() {
        return accountNonLocked;
    }

    long id() {
        return id;
    }
}
