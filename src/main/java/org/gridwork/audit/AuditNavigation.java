package org.gridwork.audit;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditTrailNavigationItem() {
        return new NavigationItem("audit.nav", "/admin/audit", "journal-text", 950, Set.of("ADMIN"));
    }
}
