package org.gridwork.territory;

import java.util.List;
import java.util.Set;

/**
 * What the acting user may reach: every grid ({@code unrestricted}, admins), or the listed grids
 * (grid staff: their own; supervisors: all grids under their region nodes). Handlers reach no
 * grid: they see only issues dispatched to their department, which the issue module checks.
 *
 * @param regionPaths path prefixes of the region subtrees reachable (supervisors; empty otherwise)
 */
public record GridScope(boolean unrestricted, Set<Long> gridIds, List<String> regionPaths) {

    public static GridScope everything() {
        return new GridScope(true, Set.of(), List.of("/"));
    }

    public static GridScope nothing() {
        return new GridScope(false, Set.of(), List.of());
    }

    public boolean allowsGrid(Long gridId) {
        return unrestricted || (gridId != null && gridIds.contains(gridId));
    }

    /** True when the region with this path lies inside (or is) a reachable subtree. */
    public boolean allowsRegionPath(String path) {
        return unrestricted || regionPaths.stream().anyMatch(path::startsWith);
    }

    public boolean isEmpty() {
        return !unrestricted && gridIds.isEmpty();
    }
}
