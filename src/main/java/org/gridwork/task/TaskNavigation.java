package org.gridwork.task;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TaskNavigation {

    /** Staff see their own tasks here; supervisors and admins manage them. */
    @Bean
    NavigationItem taskNavigationItem() {
        return new NavigationItem("task.nav", "/tasks", "list-check", 40, Set.of("ADMIN", "SUPERVISOR", "GRID_STAFF"));
    }
}
