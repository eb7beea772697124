package org.gridwork.shared.web;

import java.util.List;

/**
 * The layout's menus for one request, worked out in Java: which entries the user's role sees,
 * where they go (main bar, administration menu, user menu), and which one is the current page.
 * The layout only prints it; deciding this in template expressions was a third of a small page's
 * rendering time.
 */
public record LayoutNavigation(List<Entry> main, List<Entry> admin, List<Entry> personal, boolean adminActive,
        List<Entry> all) {

    /** @param active the current page is this entry or below it; @param current it is exactly this entry */
    public record Entry(String messageKey, String path, String iconClass, boolean active, boolean current) {
    }

    static LayoutNavigation of(List<NavigationItem> visible, String currentPath) {
        List<Entry> main = visible.stream().filter(i -> !i.admin() && !i.personal())
                .map(i -> entry(i, currentPath.equals(i.path())
                        || (!i.path().equals("/") && currentPath.startsWith(i.path())), currentPath))
                .toList();
        List<Entry> admin = visible.stream().filter(NavigationItem::admin)
                .map(i -> entry(i, currentPath.startsWith(i.path()), currentPath)).toList();
        List<Entry> personal = visible.stream().filter(NavigationItem::personal)
                .map(i -> entry(i, currentPath.startsWith(i.path()), currentPath)).toList();
        List<Entry> all = visible.stream().map(i -> entry(i, false, currentPath)).toList();
        return new LayoutNavigation(main, admin, personal, currentPath.startsWith("/admin/"), all);
    }

    private static Entry entry(NavigationItem item, boolean active, String currentPath) {
        return new Entry(item.messageKey(), item.path(), "bi bi-" + item.icon(), active, currentPath.equals(item.path()));
    }
}
