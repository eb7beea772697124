package org.gridwork.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridwork.shared.dashboard.Figure;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads and writes the dashboard's read model (dashboard_node, dashboard_rollup, dashboard_refresh). */
@Component
class RollupStore {

    static final String CURRENT = "current";

    /** One stored figure of one node. */
    record Row(String nodePath, String period, Figure figure, String dimension, double numerator, double denominator) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    RollupStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DashboardNode> node(String path) {
        return nodes("select * from dashboard_node where path = :p", Map.of("p", path)).stream().findFirst();
    }

    Optional<DashboardNode> nodeByCode(String code) {
        return nodes("select * from dashboard_node where code = :c", Map.of("c", code)).stream().findFirst();
    }

    List<DashboardNode> nodes(Collection<String> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return nodes("select * from dashboard_node where path in (:p) order by length(path)", Map.of("p", paths));
    }

    List<DashboardNode> children(String path) {
        return nodes("select * from dashboard_node where parent_path = :p order by code", Map.of("p", path));
    }

    List<DashboardNode> roots() {
        return nodes("select * from dashboard_node where parent_path is null order by code", Map.of());
    }

    /** Grids under (or equal to) the node, by code. */
    List<DashboardNode> gridsUnder(String path) {
        return nodes("select * from dashboard_node where path like :p and level = 'GRID' order by code",
                Map.of("p", like(path)));
    }

    /** The stored figures of the given nodes for the present state and the month. */
    List<Row> figures(Collection<String> paths, String month) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from dashboard_rollup where node_path in (:p) and period in ('current', :m)",
                Map.of("p", paths, "m", month), (rs, i) -> row(rs));
    }

    /** The stored figures of every child of a node: one query however many children. */
    List<Row> figuresOfChildren(String parentPath, String month) {
        return jdbc.query("select r.* from dashboard_rollup r join dashboard_node n on n.path = r.node_path"
                + " where n.parent_path = :p and r.period in ('current', :m)", Map.of("p", parentPath, "m", month),
                (rs, i) -> row(rs));
    }

    /** The stored figures of every grid under a node (the monthly report's rows). */
    List<Row> figuresOfGridsUnder(String path, String month) {
        return jdbc.query("select r.* from dashboard_rollup r join dashboard_node n on n.path = r.node_path"
                + " where n.path like :p and n.level = 'GRID' and r.period in ('current', :m)",
                Map.of("p", like(path), "m", month), (rs, i) -> row(rs));
    }

    /** When each stored period was last computed, and the counter of the latest refresh. */
    Refreshes refreshes() {
        Map<String, Instant> times = new HashMap<>();
        long[] version = {0};
        jdbc.query("select period, refreshed_at, version from dashboard_refresh", Map.of(), rs -> {
            times.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            version[0] = Math.max(version[0], rs.getLong(3));
        });
        return new Refreshes(times, version[0]);
    }

    /**
     * The stored periods' times and a counter that grows with every refresh: the read model's version,
     * whatever the clocks said when it was written.
     */
    record Refreshes(Map<String, Instant> times, long version) {
    }

    Optional<Instant> refreshedAt(String period) {
        List<Timestamp> found = jdbc.queryForList("select refreshed_at from dashboard_refresh where period = :p",
                Map.of("p", period), Timestamp.class);
        return found.stream().findFirst().map(Timestamp::toInstant);
    }

    /** Replaces the node tree and the figures of the given periods, in the caller's transaction. */
    void replace(List<DashboardNode> nodes, Collection<String> periods, List<Row> rows, Instant at) {
        if (nodes != null) {
            jdbc.update("delete from dashboard_node", Map.of());
            List<Map<String, Object>> batch = new ArrayList<>();
            for (DashboardNode n : nodes) {
                Map<String, Object> p = new HashMap<>();
                p.put("path", n.path());
                p.put("parent", n.parentPath());
                p.put("code", n.code());
                p.put("name", n.name());
                p.put("level", n.level());
                p.put("grid", n.gridId());
                batch.add(p);
            }
            jdbc.batchUpdate("insert into dashboard_node(path, parent_path, code, name, level, grid_id)"
                    + " values (:path, :parent, :code, :name, :level, :grid)", batch.toArray(Map[]::new));
        }
        jdbc.update("delete from dashboard_rollup where period in (:p)", Map.of("p", periods));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (Row r : rows) {
            batch.add(Map.of("path", r.nodePath(), "period", r.period(), "figure", r.figure().name(),
                    "dim", r.dimension(), "num", r.numerator(), "den", r.denominator()));
        }
        jdbc.batchUpdate("insert into dashboard_rollup(node_path, period, figure, dimension, numerator, denominator)"
                + " values (:path, :period, :figure, :dim, :num, :den)", batch.toArray(Map[]::new));
        // the caller holds the roll-up's advisory lock: no other refresh takes the same number
        long version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from dashboard_refresh", Map.of(),
                Long.class);
        for (String period : periods) {
            jdbc.update("insert into dashboard_refresh(period, refreshed_at, version) values (:p, :t, :v)"
                    + " on conflict (period) do update set refreshed_at = excluded.refreshed_at, version = excluded.version",
                    Map.of("p", period, "t", Timestamp.from(at), "v", version));
        }
    }

    private List<DashboardNode> nodes(String sql, Map<String, ?> params) {
        return jdbc.query(sql, params, (rs, i) -> new DashboardNode(rs.getString("path"), rs.getString("parent_path"),
                rs.getString("code"), rs.getString("name"), rs.getString("level"), (Long) rs.getObject("grid_id")));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("node_path"), rs.getString("period"), Figure.valueOf(rs.getString("figure")),
                rs.getString("dimension"), rs.getDouble("numerator"), rs.getDouble("denominator"));
    }

    private static String like(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
