package org.gridwork.account;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountNavigation {

    @Bean
    NavigationItem accountUsersNavigation() {
        return new NavigationItem("account.nav.users", "/admin/users", "people", 900, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem accountDepartmentsNavigation() {
        return new NavigationItem("account.nav.departments", "/admin/departments", "building", 910, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem accountSecurityNavigation() {
        return new NavigationItem("account.nav.security", "/account/password", "shield-lock", 990,
                Set.of("ADMIN", "SUPERVISOR", "GRID_STAFF", "HANDLER"));
    }
}
