package org.gridwork.issue.web;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IssueNavigation {

    @Bean
    NavigationItem issueNavigationItem() {
        return new NavigationItem("issue.nav", "/issues", "exclamation-diamond", 20,
                Set.of("ADMIN", "SUPERVISOR", "GRID_STAFF", "HANDLER"));
    }

    @Bean
    NavigationItem issueCategoriesNavigationItem() {
        return new NavigationItem("issue.category.nav", "/admin/issue-categories", "tags", 91, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem issueOpen311NavigationItem() {
        return new NavigationItem("issue.open311.nav", "/admin/open311-keys", "key", 92, Set.of("ADMIN"));
    }
}
