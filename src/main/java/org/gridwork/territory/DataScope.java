package org.gridwork.territory;

import java.util.List;
import java.util.Set;

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

    /** Refuses with 404 (not 403, so ids do not leak) when the grid is outside the current scope. */
    public void requireGrid(Long gridId) {
        if (!current().allowsGrid(gridId)) {
            throw new NotFoundException("grid", gridId);
        }
    }
}
