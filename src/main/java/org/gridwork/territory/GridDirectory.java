package org.gridwork.territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every grid's summary (no boundary), and the towns and villages holding them, in memory. Nearly every page asks which grids the user may
 * reach and what they are called; a county holds 2,000 grids that change a few times a year,
 * and reading them per request was a fifth of a list page's time.
 *
 * <p>Triggers on {@code grid} and {@code region} bump {@code grid_index_version} (V55, V56), so changes made by other
 * instances are seen within {@link GridLocator#VERSION_CHECK_NANOS}; changes made here drop the
 * snapshot at once and again after commit.
 *
 * <p>Not a Spring cache (issue 17): one immutable snapshot, checked against the database version
 * at most once a second and read many times per request, which a per-key cache lookup would not make cheaper.
 */
@Component
public class GridDirectory {

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    GridDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One reading of the tables, with what was worked out from it ({@link #remember}), which goes
     * when the snapshot goes.
     */
    private record Snapshot(long version, List<GridSummary> byCode, Map<Long, GridSummary> byId,
            Map<String, RegionSummary> areas, Map<String, RegionSummary> holders, Map<List<Object>, Object> derived) {
    }

    /** Distinct things remembered per snapshot (about one per distinct scope) before starting afresh. */
    private static final int MAX_DERIVED = 10_000;

    /** Every grid (active and archived), by code. */
    public List<GridSummary> all() {
        return current().byCode();
    }

    public Optional<GridSummary> find(long id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    /** The given grids, by code (ids of no grid are skipped). */
    public List<GridSummary> of(Collection<Long> ids) {
        Set<Long> wanted = ids instanceof Set<Long> s ? s : Set.copyOf(ids);
        return remember("grids-of", wanted,
                () -> current().byCode().stream().filter(g -> wanted.contains(g.id())).toList());
    }

    /**
     * When these ids are every grid there is (a county supervisor's reach in a county's
     * installation), the highest of them. A query may then keep to grid ids up to it rather than
     * list 2,000 ids, which PostgreSQL plans one by one: ids only grow, so a grid made since this
     * snapshot stays out, as it does from the listed ids.
     */
    public OptionalLong everyGridUpTo(Set<Long> ids) {
        Snapshot current = current();
        if (ids.size() != current.byId().size() || !ids.containsAll(current.byId().keySet())) {
            return OptionalLong.empty();
        }
        return ids.stream().mapToLong(Long::longValue).max();
    }

    /**
     * How a person names a grid: its name with its village ("侯口一村 · 第1网格"), the village
     * without the "村民委员会" of its official name; the grid's name alone when it already starts
     * with the village's. The code of an unknown grid comes back as it is.
     */
    public String placeName(String gridCode) {
        if (gridCode == null) {
            return "";
        }
        GridSummary grid = gridsByCode().get(gridCode);
        return grid == null ? gridCode : placeName(grid);
    }

    private Map<String, GridSummary> gridsByCode() {
        return remember("grids-by-code", "", () -> {
            Map<String, GridSummary> m = new HashMap<>();
            all().forEach(g -> m.put(g.code(), g));
            return Map.copyOf(m);
        });
    }

    public String placeName(GridSummary grid) {
        int dash = grid.code().indexOf('-');
        RegionSummary village = dash < 0 ? null : current().areas().get(grid.code().substring(0, dash));
        if (village == null) {
            return grid.name();
        }
        String village_ = shortVillageName(village.name());
        return grid.name().startsWith(village_) ? grid.name() : village_ + " · " + grid.name();
    }

    /** "侯口一村村民委员会" → "侯口一村", "东关社区居民委员会" → "东关社区": what people say. */
    public static String shortVillageName(String name) {
        if (name.endsWith("村民委员会")) {
            return name.substring(0, name.length() - 4);
        }
        if (name.endsWith("居民委员会")) {
            return name.substring(0, name.length() - 5);
        }
        if (name.endsWith("村委会")) {
            return name.substring(0, name.length() - 2);
        }
        if (name.endsWith("居委会")) {
            return name.substring(0, name.length() - 3);
        }
        return name;
    }

    /** A grid by its code, any status. */
    public Optional<GridSummary> findByCode(String code) {
        return Optional.ofNullable(gridsByCode().get(code));
    }

    /**
     * A region that holds grids (a village up to the province above it) by its code; empty for a
     * region without grids, which a caller reads from the database.
     */
    public Optional<RegionSummary> regionHoldingGrids(String code) {
        return Optional.ofNullable(current().holders().get(code));
    }

    /** The towns and villages that hold grids, by code (names for area filters). */
    public Map<String, RegionSummary> areas() {
        return current().areas();
    }

    /** Ids of the grids (any status) under a region's materialised path. */
    public List<Long> idsUnder(String regionPath) {
        List<Long> ids = new ArrayList<>();
        for (GridSummary g : current().byCode()) {
            if (g.regionPath().startsWith(regionPath)) {
                ids.add(g.id());
            }
        }
        return ids;
    }

    /** Ids of the grids (any status) under any of these region paths. */
    public Set<Long> idsUnder(List<String> regionPaths) {
        return remember("ids-under", regionPaths, () -> {
            Set<Long> ids = new HashSet<>();
            regionPaths.forEach(path -> ids.addAll(idsUnder(path)));
            return Set.copyOf(ids);
        });
    }

    /**
     * Something worked out from the grids (a scope's grid list, its area filter), kept until the
     * grids or regions change: a county supervisor's pages each sifted 2,000 grids several times.
     * The same purpose and key give the same object; {@code compute} must read only this directory,
     * or tables whose every change moves the directory's version on (assignments, V57).
     */
    @SuppressWarnings("unchecked")
    public <T> T remember(String purpose, Object key, Supplier<T> compute) {
        Map<List<Object>, Object> derived = current().derived();
        List<Object> id = List.of(purpose, key);
        Object known = derived.get(id);
        if (known == null) {
            if (derived.size() >= MAX_DERIVED) {
                derived.clear();
            }
            known = compute.get();
            derived.put(id, known);
        }
        return (T) known;
    }

    /** Forget the snapshot now and, inside a transaction, once more when it commits. */
    public void invalidate() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null; // a reader may have loaded the old state before the commit
                }
            });
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && now - checkedAt < GridLocator.VERSION_CHECK_NANOS) {
            return current;
        }
        long version = jdbc.queryForObject("select version from grid_index_version where id = 1", Long.class);
        checkedAt = now;
        if (current != null && current.version() == version) {
            return current;
        }
        List<GridSummary> grids = jdbc.query("select id, code, name, village_id, region_path, status from grid order by code",
                (rs, i) -> new GridSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), GridStatus.valueOf(rs.getString(6))));
        Map<Long, GridSummary> byId = new HashMap<>(grids.size() * 2);
        grids.forEach(g -> byId.put(g.id(), g));
        Map<String, RegionSummary> areas = new java.util.TreeMap<>();
        jdbc.query("select id, code, name, level, parent_id, path from region where code in"
                + " (select left(code, 9) from grid union select left(code, 12) from grid)", rs -> {
                    RegionSummary r = new RegionSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                            RegionLevel.valueOf(rs.getString(4)), (Long) rs.getObject(5), rs.getString(6));
                    areas.put(r.code(), r);
                });
        // every region above a grid: a handful of rows (a county's towns and villages, the county, its city and province)
        Set<String> above = new HashSet<>();
        for (GridSummary g : grids) {
            String path = g.regionPath();
            for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
                above.add(path.substring(0, i + 1));
            }
        }
        Map<String, RegionSummary> holders = new HashMap<>();
        jdbc.query("select id, code, name, level, parent_id, path from region where path = any(?)", rs -> {
            RegionSummary r = new RegionSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                    RegionLevel.valueOf(rs.getString(4)), (Long) rs.getObject(5), rs.getString(6));
            holders.put(r.code(), r);
        }, (Object) above.toArray(String[]::new));
        Snapshot built = new Snapshot(version, List.copyOf(grids), Map.copyOf(byId),
                java.util.Collections.unmodifiableMap(areas), Map.copyOf(holders), new ConcurrentHashMap<>());
        snapshot = built;
        return built;
    }
}
