package org.gridwork.campaign;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CampaignNavigation {

    /** Staff see their campaigns to walk; supervisors and admins launch and follow them (forms: from the list). */
    @Bean
    NavigationItem campaignNavigationItem() {
        return new NavigationItem("campaign.nav", "/campaigns", "clipboard-check", 45,
                Set.of("ADMIN", "SUPERVISOR", "GRID_STAFF"));
    }
}
