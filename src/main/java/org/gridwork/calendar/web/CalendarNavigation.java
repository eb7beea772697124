package org.gridwork.calendar.web;

import java.util.Set;

import org.gridwork.shared.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

    @Bean
    NavigationItem calendarNavigationItem() {
        return new NavigationItem("calendar.nav", "/admin/calendar", "calendar3", 90, Set.of("ADMIN"));
    }
}
