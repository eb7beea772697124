package org.gridwork.territory.web;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TerritoryNavigation {

    @Bean
    NavigationItem territoryBrowseNavigationItem() {
        return new NavigationItem("territory.nav.browse", "/territory", "diagram-3", 60, Set.of("ADMIN", "SUPERVISOR"));
    }

    @Bean
    NavigationItem territoryMapNavigationItem() {
        return new NavigationItem("territory.nav.map", "/territory/map", "map", 61, Set.of("ADMIN", "SUPERVISOR"));
    }

    @Bean
    NavigationItem territoryStaffNavigationItem() {
        return new NavigationItem("territory.nav.staff", "/admin/territory/staff", "person-badge", 62, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem territoryImportNavigationItem() {
        return new NavigationItem("territory.nav.import", "/admin/territory/import", "upload", 63, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem territoryUnplacedNavigationItem() {
        return new NavigationItem("territory.nav.unplaced", "/admin/territory/unplaced", "geo-alt", 64, Set.of("ADMIN"));
    }
}
