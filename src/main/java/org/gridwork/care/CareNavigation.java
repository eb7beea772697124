package org.gridwork.care;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CareNavigation {

    @Bean
    NavigationItem careTodayNavigationItem() {
        return new NavigationItem("care.nav.today", "/today", "calendar-check", 5, Set.of("GRID_STAFF"));
    }

    @Bean
    NavigationItem careCoverageNavigationItem() {
        return new NavigationItem("care.nav.coverage", "/care/coverage", "heart-pulse", 40, Set.of("SUPERVISOR", "ADMIN", "GRID_STAFF"));
    }
}
