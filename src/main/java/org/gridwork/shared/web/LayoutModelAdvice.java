package org.gridwork.shared.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs (navigation for the user's role, current path) into every model. */
@ControllerAdvice
class LayoutModelAdvice {

    private final List<NavigationItem> items;

    LayoutModelAdvice(List<NavigationItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        Set<String> roles = currentRoles();
        return items.stream().filter(i -> i.visibleTo(roles)).toList();
    }

    /** The user's role name (ADMIN, SUPERVISOR, ...), or null when nobody is logged in. */
    @ModelAttribute("currentRole")
    String currentRole() {
        return currentRoles().stream().sorted().findFirst().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static Set<String> currentRoles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
    }
}
