package org.gridwork.shared.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs (menus for the user's role, current path) into every model. */
@ControllerAdvice
class LayoutModelAdvice {

    private final List<NavigationItem> items;

    LayoutModelAdvice(List<NavigationItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    /** Menus, role and path for the layout, in one model method (each costs a reflective call). */
    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        Set<String> roles = currentRoles();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<NavigationItem> visible = items.stream().filter(i -> i.visibleTo(roles)).toList();
        model.addAttribute("nav", LayoutNavigation.of(visible, path));
        // the user's role name (ADMIN, SUPERVISOR, ...), or null when nobody is logged in
        model.addAttribute("currentRole", roles.stream().sorted().findFirst().orElse(null));
        // what the role may do, for templates to ask instead of comparing role names
        model.addAttribute("roleFlags", new RoleFlags(roles));
        // links of list pages that change one parameter and keep the others (sort, filters, paging)
        model.addAttribute("listLinks", new ListLinks(request.getRequestURI(), request.getQueryString()));
        model.addAttribute("currentPath", path);
    }

    static Set<String> currentRoles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // nobody logged in (also on error pages served to them): no role, so the layout draws no user menu
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
    }
}
