package org.gridwork.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in principal; serialisable so that sessions can be stored in the database. Its
 * password hash is erased once the login is checked ({@link CredentialsContainer}), so no session
 * row carries a bcrypt hash.
 */
final class GridworkUserDetails implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 2L;

    private final long id;
    private final String username;
    private String password;
    private final String displayName;
    private final Role role;
    private final Long departmentId;
    private final boolean enabled;
    private final boolean accountNonLocked;
    private final boolean credentialsNonExpired;

    /** {@code temporaryValidity}: how long a temporary password (set by an admin) may still log in. */
    GridworkUserDetails(AppUser user, java.time.Duration temporaryValidity) {
        this.id = user.getId();
        this.username = user.getUsername();
        this.password = user.getPasswordHash();
        this.displayName = user.getDisplayName();
        this.role = user.getRole();
        this.departmentId = user.getDepartmentId();
        this.enabled = user.isEnabled();
        this.accountNonLocked = !user.isLockedAt(java.time.Instant.now());
        this.credentialsNonExpired = !user.isMustChangePassword() || user.getPasswordChangedAt() == null
                || user.getPasswordChangedAt().plus(temporaryValidity).isAfter(java.time.Instant.now());
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    /** A temporary password not changed within its validity no longer logs in; an admin sets a new one. */
    @Override
    public boolean isCredentialsNonExpired() {
        return credentialsNonExpired;
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
