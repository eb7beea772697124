package org.gridwork.dashboard;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DashboardNavigation {

    @Bean
    NavigationItem dashboardNavigationItem() {
        return new NavigationItem("dashboard.nav", "/dashboard", "speedometer2", 15, Set.of("ADMIN", "SUPERVISOR"));
    }
}
