package org.gridwork.territory;

import java.util.List;
import java.util.Set;

import org.gridwork.account.CommandLevel;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "which grids / which region subtree may this user reach". Services
 * of every module ask here before they read or change grid-bound data; screens never decide it.
 */
@Component
public class DataScope {

    private final CurrentUsers currentUsers;
    private final JdbcTemplate jdbc;
    private final GridDirectory directory;

    DataScope(CurrentUsers currentUsers, JdbcTemplate jdbc, GridDirectory directory) {
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * Scope of the logged-in user, worked out once per web request: a page asks several modules,
     * and each would otherwise query the assignments again.
     */
    public GridScope current() {
        return of(currentUsers.require());
    }

    /** Scope of a user; within a web request worked out once per user (a county supervisor's is 2,000 grids). */
    public GridScope of(CurrentUser user) {
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return compute(user);
        }
        String key = GridScope.class.getName() + "#" + user.id();
        int scopeRequest = org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST;
        GridScope scope = (GridScope) request.getAttribute(key, scopeRequest);
        if (scope == null) {
            scope = compute(user);
            request.setAttribute(key, scope, scopeRequest);
        }
        return scope;
    }

    /**
     * Remembered with the grid directory: assignments move its version on (V57), so a change here
     * is seen at once and one made elsewhere within a second, like a change to a grid.
     */
    private GridScope compute(CurrentUser user) {
        return directory.remember("scope", List.of(user.role(), user.id()), () -> read(user));
    }

    private GridScope read(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN -> GridScope.everything();
            case GRID_STAFF -> new GridScope(false, Set.copyOf(jdbc.queryForList(
                    "select grid_id from grid_staff where user_id = ?", Long.class, user.id())), List.of());
            case SUPERVISOR -> supervisorScope(user.id());
            case HANDLER -> GridScope.nothing();
        };
    }

    private GridScope supervisorScope(long userId) {
        List<String> paths = jdbc.queryForList(
                "select r.path from region_supervisor s join region r on r.id = s.region_id where s.user_id = ? order by r.path",
                String.class, userId);
        Set<Long> ids = directory.idsUnder(List.copyOf(paths));
        return new GridScope(false, ids, List.copyOf(paths), directory.everyGridUpTo(ids).stream().boxed().findFirst().orElse(null));
    }

    /**
     * The level a user acts at (DOMAIN.md section 10): a supervisor's follows from the highest
     * region they are assigned to (a county or above: the county centre; a town; a village; none
     * yet: town), grid staff act at the grid, a handler at their department's level; admins at none.
     */
    public CommandLevel levelOf(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN -> null;
            case GRID_STAFF -> CommandLevel.GRID;
            case HANDLER -> user.departmentId() == null ? CommandLevel.TOWN
                    // not remembered with the grid directory: a department's level changes without moving it on
                    : jdbc.query("select level from department where id = ?",
                            rs -> rs.next() ? CommandLevel.valueOf(rs.getString(1)) : CommandLevel.TOWN,
                            user.departmentId());
            case SUPERVISOR -> directory.remember("supervisor-level", user.id(), () -> supervisorLevel(user.id()));
        };
    }

    private CommandLevel supervisorLevel(long userId) {
        List<String> levels = jdbc.queryForList(
                "select r.level from region_supervisor s join region r on r.id = s.region_id where s.user_id = ?",
                String.class, userId);
        CommandLevel highest = null;
        for (String l : levels) {
            CommandLevel level = switch (RegionLevel.valueOf(l)) {
                case PROVINCE, CITY, COUNTY -> CommandLevel.COUNTY;
                case TOWN -> CommandLevel.TOWN;
                case VILLAGE -> CommandLevel.VILLAGE;
            };
            if (highest == null || level.above(highest)) {
                highest = level;
            }
        }
        return highest == null ? CommandLevel.TOWN : highest;
    }

    /** Refuses with 404 (not 403, so ids do not leak) when the grid is outside the current scope. */
    public void requireGrid(Long gridId) {
        if (!current().allowsGrid(gridId)) {
            throw new NotFoundException("grid", gridId);
        }
    }
}
