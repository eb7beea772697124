package org.gridwork.task;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.gridwork.territory.GridScope;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who staffs which grid, and the region nodes a supervisor may assign by, read from the
 * territory's tables (the territory module has no such query in its API yet).
 */
@Component
class StaffDirectory {

    /** One grid staff assignment: a user on a grid (with the grid's region path for subtree filters). */
    record GridStaff(long gridId, String gridCode, String regionPath, long userId) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    StaffDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Staff of the given grids, by grid code. */
    List<GridStaff> staffOfGrids(Collection<Long> gridIds) {
        if (gridIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select gs.grid_id, g.code, g.region_path, gs.user_id from grid_staff gs join grid g on g.id = gs.grid_id"
                + " where gs.grid_id in (:ids) order by g.code, gs.user_id", Map.of("ids", gridIds), this::row);
    }

    /** Staff of every grid (admins). */
    List<GridStaff> allStaff() {
        return jdbc.query("select gs.grid_id, g.code, g.region_path, gs.user_id from grid_staff gs join grid g on g.id = gs.grid_id"
                + " order by g.code, gs.user_id", this::row);
    }

    /** Towns, villages and counties within the scope, in tree order. */
    List<AssigneeOptions.RegionOption> regions(GridScope scope) {
        String sql = "select code, name, level, depth from region where level in ('COUNTY', 'TOWN', 'VILLAGE')";
        if (!scope.unrestricted() && scope.regionPaths().isEmpty()) {
            return List.of();
        }
        GridScope.Predicate inScope = scope.predicate(null, "path");
        return jdbc.getJdbcTemplate().query(sql + " and " + inScope.sql() + " order by path", (rs, i) -> region(rs),
                inScope.args().toArray());
    }

    private static AssigneeOptions.RegionOption region(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AssigneeOptions.RegionOption(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
    }

    private GridStaff row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new GridStaff(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4));
    }
}
