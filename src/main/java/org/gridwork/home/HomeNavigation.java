package org.gridwork.home;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HomeNavigation {

    @Bean
    NavigationItem homeNavigationItem() {
        return new NavigationItem("nav.home", "/", "house", 0, Set.of("ADMIN", "SUPERVISOR", "GRID_STAFF", "HANDLER"));
    }
}
