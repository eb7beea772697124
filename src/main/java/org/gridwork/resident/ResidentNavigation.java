package org.gridwork.resident;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResidentNavigation {

    @Bean
    NavigationItem residentListNavigationItem() {
        return new NavigationItem("resident.nav.list", "/residents", "people", 10, Set.of("ADMIN", "SUPERVISOR", "GRID_STAFF"));
    }

    @Bean
    NavigationItem residentTagsNavigationItem() {
        return new NavigationItem("resident.nav.tags", "/resident-tags", "tags", 80, Set.of("ADMIN"));
    }
}
