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

    /** 准入清单: the work that may be given to grid staff (issue 21). */
    @Bean
    NavigationItem taskTypesNavigationItem() {
        return new NavigationItem("task.types.nav", "/admin/task-types", "card-checklist", 46, Set.of("ADMIN"));
    }
}
