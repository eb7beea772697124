package org.gridwork.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class GridworkUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final LoginSettings settings;

    GridworkUserDetailsService(AppUserRepository users, LoginSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsernameIgnoreCase(username)
                .map(u -> new GridworkUserDetails(u, settings.temporaryPasswordValidity()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
