package org.gridwork.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.GridFigure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Recomputes the dashboard's roll-ups: asks every {@link DashboardFigures} module for per-grid
 * figures (in batches of grids), adds each grid's figures into every region node above it and
 * replaces the stored periods in one transaction. Runs once the app is ready, then on a schedule
 * ({@code gridwork.dashboard.refresh-interval}), both under ShedLock, so of several instances one
 * refreshes; the page shows the time of the last run. A refresh asked for on the spot (a past month a
 * report needs, the first view of an empty dashboard) runs where it is asked; a transaction-level
 * advisory lock keeps it from replacing the same rows as a refresh running elsewhere at that moment.
 */
@Component
class RollupRefresher {

    private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RollupStore store;
    private final List<DashboardFigures> sources;
    private final ZoneId zone;
    private final org.gridwork.shared.time.BusinessTime time;

    RollupRefresher(JdbcTemplate jdbc, TransactionTemplate tx, RollupStore store, List<DashboardFigures> sources,
            org.gridwork.shared.time.BusinessTime time) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.sources = sources;
        this.zone = time.zone();
        this.time = time;
    }

    ZoneId zone() {
        return zone;
    }

    YearMonth thisMonth() {
        return time.thisMonth();
    }

    /** The earliest month any module has data for (this month when none), found again on each refresh. */
    private volatile YearMonth firstMonth;

    YearMonth firstMonth() {
        YearMonth first = firstMonth;
        if (first == null) {
            first = sources.stream().map(DashboardFigures::firstMonth).filter(java.util.Objects::nonNull)
                    .min(YearMonth::compareTo).orElse(thisMonth());
            firstMonth = first;
        }
        return first;
    }

    List<DashboardFigures> sources() {
        return sources;
    }

    /** After the demo data and other start-up runners, in the background: start-up does not wait. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart(ApplicationReadyEvent event) {
        // through the bean (its proxy), so that the start-up refresh takes the ShedLock lock too
        RollupRefresher self = event.getApplicationContext().getBean(RollupRefresher.class);
        event.getApplicationContext().getBean(TaskScheduler.class).schedule(self::onSchedule, time.now());
    }

    @Scheduled(fixedDelayString = "${gridwork.dashboard.refresh-interval:PT10M}",
            initialDelayString = "${gridwork.dashboard.refresh-interval:PT10M}")
    @SchedulerLock(name = "dashboard-rollups", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void onSchedule() {
        refresh();
    }

    /** The present state, this month and last month (late closings still change it). */
    synchronized void refresh() {
        firstMonth = null;
        YearMonth month = thisMonth();
        refresh(true, List.of(month.minusMonths(1), month));
    }

    /** A past month a report asks for, computed once when it was never computed. */
    synchronized void ensureMonth(YearMonth month) {
        if (store.refreshedAt(month.toString()).isEmpty()) {
            refresh(false, List.of(month));
        }
    }

    private void refresh(boolean current, List<YearMonth> months) {
        long start = System.nanoTime();
        tx.executeWithoutResult(status -> {
            // a scheduled refresh (ShedLock) and one asked for on the spot never replace the same rows at
            // once, on any instance; page views keep reading the previous state
            jdbc.queryForObject("select pg_advisory_xact_lock(7305211)", Object.class);
            Territory territory = loadTerritory();
            Map<RowKey, double[]> sums = new HashMap<>();
            List<Long> gridIds = new ArrayList<>(territory.regionPathOfGrid().keySet());
            LocalDate today = time.today();
            for (int i = 0; i < gridIds.size(); i += BATCH) {
                List<Long> batch = gridIds.subList(i, Math.min(gridIds.size(), i + BATCH));
                for (DashboardFigures source : sources) {
                    if (current) {
                        add(sums, territory, RollupStore.CURRENT, source.current(batch, today));
                    }
                    for (YearMonth m : months) {
                        add(sums, territory, m.toString(), source.month(batch, m));
                    }
                }
            }
            List<RollupStore.Row> rows = sums.entrySet().stream().map(e -> new RollupStore.Row(e.getKey().path(),
                    e.getKey().period(), e.getKey().figure(), e.getKey().dimension(), e.getValue()[0],
                    e.getValue()[1])).toList();
            Set<String> periods = new LinkedHashSet<>();
            if (current) {
                periods.add(RollupStore.CURRENT);
            }
            months.forEach(m -> periods.add(m.toString()));
            store.replace(current ? territory.nodes() : null, periods, rows, time.now());
        });
        log.info("dashboard roll-ups refreshed ({}) in {} ms", months, (System.nanoTime() - start) / 1_000_000);
    }

    private record RowKey(String path, String period, org.gridwork.shared.dashboard.Figure figure, String dimension) {
    }

    /** Adds each grid figure to the grid's node and to every region node above it. */
    private static void add(Map<RowKey, double[]> sums, Territory territory, String period, List<GridFigure> figures) {
        for (GridFigure f : figures) {
            String regionPath = territory.regionPathOfGrid().get(f.gridId());
            if (regionPath == null) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            paths.add(territory.gridPath(f.gridId()));
            for (int i = regionPath.indexOf('/', 1); i > 0; i = regionPath.indexOf('/', i + 1)) {
                paths.add(regionPath.substring(0, i + 1));
            }
            for (String path : paths) {
                double[] sum = sums.computeIfAbsent(new RowKey(path, period, f.figure(), f.dimension()), k -> new double[2]);
                sum[0] += f.numerator();
                sum[1] += f.denominator();
            }
        }
    }

    /** Active grids and the region nodes above them, read in two queries. */
    private record Territory(List<DashboardNode> nodes, Map<Long, String> regionPathOfGrid, Map<Long, String> gridPaths) {
        String gridPath(long gridId) {
            return gridPaths.get(gridId);
        }
    }

    private Territory loadTerritory() {
        List<DashboardNode> nodes = new ArrayList<>();
        Map<Long, String> regionPathOfGrid = new HashMap<>();
        Map<Long, String> gridPaths = new HashMap<>();
        Set<String> ancestors = new LinkedHashSet<>();
        jdbc.query("select id, code, name, region_path from grid where status = 'ACTIVE'", rs -> {
            long id = rs.getLong("id");
            String regionPath = rs.getString("region_path");
            String path = regionPath + rs.getString("code") + "/";
            nodes.add(new DashboardNode(path, regionPath, rs.getString("code"), rs.getString("name"), "GRID", id));
            regionPathOfGrid.put(id, regionPath);
            gridPaths.put(id, path);
            for (int i = regionPath.indexOf('/', 1); i > 0; i = regionPath.indexOf('/', i + 1)) {
                ancestors.add(regionPath.substring(0, i + 1));
            }
        });
        if (!ancestors.isEmpty()) {
            String[] paths = ancestors.toArray(String[]::new);
            jdbc.query("select r.code, r.name, r.level, r.path, p.path as parent_path from region r"
                    + " left join region p on p.id = r.parent_id where r.path = any(?)", rs -> {
                        nodes.add(new DashboardNode(rs.getString("path"), rs.getString("parent_path"),
                                rs.getString("code"), rs.getString("name"), rs.getString("level"), null));
                    }, (Object) paths);
        }
        return new Territory(nodes, regionPathOfGrid, gridPaths);
    }
}
