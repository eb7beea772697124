package org.gridwork.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the acting user may reach: every grid ({@code unrestricted}, admins), or the listed grids
 * (grid staff: their own; supervisors: all grids under their region nodes). Handlers reach no
 * grid: they see only issues dispatched to their department, which the issue module checks.
 *
 * @param regionPaths path prefixes of the region subtrees reachable (supervisors; empty otherwise)
 * @param everyGridUpTo when the listed grids are every grid there is, the highest id (see
 *        {@link GridDirectory#everyGridUpTo}); null otherwise
 */
public record GridScope(boolean unrestricted, Set<Long> gridIds, List<String> regionPaths, Long everyGridUpTo) {

    /** Above this many grids, grid ids are checked as a filter rather than through a grid index. */
    static final int LARGE_SCOPE = 50;

    public GridScope(boolean unrestricted, Set<Long> gridIds, List<String> regionPaths) {
        this(unrestricted, gridIds, regionPaths, null);
    }

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

    /**
     * The scope as one SQL condition: the one translation of a scope into SQL (issue 17). Give the
     * table's grid id column and its region path column (either may be null when it has none):
     * <ul>
     * <li>everything: {@code true};</li>
     * <li>region subtrees (supervisors) on a table with a path: path prefixes, an index range
     *     where a county's 2,000 grid ids were a scan;</li>
     * <li>every grid there is: one bound on the grid id ("+ 0" as below; ids only grow, so a grid
     *     made since stays out, as it would from the listed ids);</li>
     * <li>more than {@value #LARGE_SCOPE} grids (a town's or county's): the ids as a filter, "+ 0"
     *     keeping the planner off the grid index so the query's own index (name, ID, keyset) leads;</li>
     * <li>a few grids: {@code = any(ids)} through the grid index;</li>
     * <li>nothing reachable, or no column to check: {@code false}.</li>
     * </ul>
     */
    public Predicate predicate(String gridColumn, String pathColumn) {
        if (unrestricted) {
            return new Predicate("true", List.of());
        }
        if (pathColumn != null && !regionPaths.isEmpty()) {
            StringBuilder sql = new StringBuilder("(");
            List<Object> args = new ArrayList<>();
            for (String path : regionPaths) {
                sql.append(args.isEmpty() ? "" : " or ").append(pathColumn).append(" like ?");
                args.add(path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return new Predicate(sql.append(")").toString(), args);
        }
        if (gridColumn == null || gridIds.isEmpty()) {
            return new Predicate("false", List.of());
        }
        if (everyGridUpTo != null) {
            return new Predicate("(" + gridColumn + " + 0) <= ?", List.of(everyGridUpTo));
        }
        Long[] ids = gridIds.toArray(Long[]::new);
        if (gridIds.size() > LARGE_SCOPE) {
            return new Predicate("(" + gridColumn + " + 0) = any(?)", List.<Object>of((Object) ids));
        }
        return new Predicate(gridColumn + " = any(?)", List.<Object>of((Object) ids));
    }

    /** A SQL condition with its positional arguments, to be joined with {@code and}. */
    public record Predicate(String sql, List<Object> args) {
    }
}
