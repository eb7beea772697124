package org.gridwork.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.cache.Caches;
import org.gridwork.shared.cache.GridworkCache;
import org.springframework.cache.Cache;
import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's dashboard (指挥看板): figures of a region node or grid within the user's scope,
 * read from the roll-ups only. Supervisors reach their region subtrees, admins everything; any
 * other node answers 404.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** Read-model values remembered until the next refresh (see {@link RefreshState#version()}). */
    private final Cache nodes;
    private final Cache ancestors;
    private final Cache figuresOfNode;

    private final RollupStore store;
    private final RollupRefresher refresher;
    private final DataScope dataScope;
    private final CurrentUsers currentUsers;

    DashboardService(RollupStore store, RollupRefresher refresher, DataScope dataScope, CurrentUsers currentUsers,
            Caches caches) {
        this.nodes = caches.of(GridworkCache.DASHBOARD_NODES);
        this.ancestors = caches.of(GridworkCache.DASHBOARD_ANCESTORS);
        this.figuresOfNode = caches.of(GridworkCache.DASHBOARD_FIGURES);
        this.store = store;
        this.refresher = refresher;
        this.dataScope = dataScope;
        this.currentUsers = currentUsers;
    }

    /**
     * The month asked for, or this month when none, unreadable or in the future; a month before
     * the first with data is that first month (each distinct month asked for costs a roll-up).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public YearMonth month(String value) {
        YearMonth now = refresher.thisMonth();
        if (value == null || value.isBlank()) {
            return now;
        }
        try {
            YearMonth asked = YearMonth.parse(value.strip());
            YearMonth first = refresher.firstMonth();
            return asked.isAfter(now) ? now : asked.isBefore(first) ? first : asked;
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    /** The last twelve months, newest first, for the month picker. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(refresher.thisMonth().minusMonths(i));
        }
        return out;
    }

    /** The dashboard of a node (its code; null for the user's top node) for a month. */
    @Transactional
    public DashboardView view(String nodeCode, YearMonth month) {
        GridScope scope = requireScope();
        RefreshState state = prepare(month);
        DashboardNode node = resolve(scope, nodeCode, state);
        String period = month.toString();
        Figures figures = Caches.versioned(figuresOfNode, state.version(), new NodeMonth(node.path(), period), () -> {
            FigureValues totals = group(store.figures(List.of(node.path()), period))
                    .getOrDefault(node.path(), new FigureValues());
            Map<String, FigureValues> byChild = group(store.figuresOfChildren(node.path(), period));
            List<DashboardView.Child> children = store.children(node.path()).stream()
                    .map(c -> new DashboardView.Child(c, byChild.getOrDefault(c.path(), new FigureValues()),
                            listUrls(c, month)))
                    .toList();
            return new Figures(totals, children);
        });
        return new DashboardView(node, breadcrumbs(scope, node, state), month, state.asOf(), state.version(),
                figures.totals(), figures.children(), available(), listUrls(node, month));
    }

    /** The grids under a node with their figures (the map and the monthly report). */
    @Transactional
    public List<GridRow> grids(String nodeCode, YearMonth month) {
        GridScope scope = requireScope();
        RefreshState state = prepare(month);
        DashboardNode node = resolve(scope, nodeCode, state);
        Map<String, FigureValues> values = group(store.figuresOfGridsUnder(node.path(), month.toString()));
        return store.gridsUnder(node.path()).stream()
                .map(g -> new GridRow(g, values.getOrDefault(g.path(), new FigureValues()))).toList();
    }

    private record NodeMonth(String path, String period) {
    }

    private record Figures(FigureValues totals, List<DashboardView.Child> children) {
    }

    /**
     * When each period was last computed. The read model changes only when a refresh writes, and
     * every refresh counts up the stored version (not its time: clocks differ and step back).
     */
    private record RefreshState(RollupStore.Refreshes refreshes) {
        Instant asOf() {
            return refreshes.times().get(RollupStore.CURRENT);
        }

        boolean has(String period) {
            return refreshes.times().containsKey(period);
        }

        long version() {
            return refreshes.version();
        }
    }

    /** A grid and its figures. */
    public record GridRow(DashboardNode grid, FigureValues figures) {
    }

    /** Figures some installed module provides. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Set<Figure> available() {
        Set<Figure> out = EnumSet.noneOf(Figure.class);
        refresher.sources().forEach(s -> out.addAll(s.provides()));
        return out;
    }

    /** Open issues (or other points) of the installed modules on these grids, for the map. */
    public List<org.gridwork.shared.dashboard.MapMarker> markers(List<Long> gridIds, int limit) {
        List<org.gridwork.shared.dashboard.MapMarker> out = new ArrayList<>();
        for (DashboardFigures source : refresher.sources()) {
            out.addAll(source.markers(gridIds, limit));
        }
        return out;
    }

    /** Computes what was never computed (first start, a past month first asked for) and answers what is stored. */
    private RefreshState prepare(YearMonth month) {
        RefreshState state = new RefreshState(store.refreshes());
        if (state.asOf() == null) {
            refresher.refresh();
        }
        if (!state.has(month.toString())) {
            refresher.ensureMonth(month);
        }
        return state.asOf() == null || !state.has(month.toString()) ? new RefreshState(store.refreshes()) : state;
    }

    private Map<Figure, String> listUrls(DashboardNode node, YearMonth month) {
        Map<Figure, String> urls = new EnumMap<>(Figure.class);
        for (DashboardFigures source : refresher.sources()) {
            for (Figure f : source.provides()) {
                String url = source.listUrl(f, "", node.code(), node.gridId(), month);
                if (url != null) {
                    urls.put(f, url);
                }
            }
        }
        return urls;
    }

    private GridScope requireScope() {
        CurrentUser user = currentUsers.require();
        if (!user.is(Role.SUPERVISOR) && !user.is(Role.ADMIN)) {
            throw new NotFoundException("page", "/dashboard");
        }
        return dataScope.of(user);
    }

    private DashboardNode resolve(GridScope scope, String nodeCode, RefreshState state) {
        if (nodeCode != null && !nodeCode.isBlank()) {
            String code = nodeCode.strip();
            return Caches.<java.util.Optional<DashboardNode>>versioned(nodes, state.version(), "code:" + code, () -> store.nodeByCode(code)).filter(n -> allows(scope, n))
                    .orElseThrow(() -> new NotFoundException("dashboard node", nodeCode));
        }
        if (!scope.unrestricted()) {
            return scope.regionPaths().stream().sorted()
                    .map(p -> Caches.<java.util.Optional<DashboardNode>>versioned(nodes, state.version(), "path:" + p, () -> store.node(p)))
                    .flatMap(java.util.Optional::stream)
                    .findFirst().orElseThrow(() -> new NotFoundException("dashboard node", "top"));
        }
        return Caches.<java.util.Optional<DashboardNode>>versioned(nodes, state.version(), "top", this::top).orElseThrow(() -> new NotFoundException("dashboard node", "top"));
    }

    /** Admins start where the tree first branches (a single county shows the county, not the province). */
    private java.util.Optional<DashboardNode> top() {
        List<DashboardNode> level = store.roots();
        while (level.size() == 1 && !level.get(0).isGrid()) {
            List<DashboardNode> below = store.children(level.get(0).path());
            if (below.size() != 1 || below.get(0).isGrid()) {
                break;
            }
            level = below;
        }
        return level.stream().findFirst();
    }

    private static boolean allows(GridScope scope, DashboardNode node) {
        return scope.allowsRegionPath(node.path());
    }

    /** From the highest node the user may see down to this one. */
    private List<DashboardNode> breadcrumbs(GridScope scope, DashboardNode node, RefreshState state) {
        List<DashboardNode> above = Caches.versioned(ancestors, state.version(), node.path(), () -> {
            List<String> paths = new ArrayList<>();
            for (int i = node.path().indexOf('/', 1); i > 0; i = node.path().indexOf('/', i + 1)) {
                paths.add(node.path().substring(0, i + 1));
            }
            return store.nodes(paths);
        });
        return above.stream().filter(n -> allows(scope, n)).toList();
    }

    private static Map<String, FigureValues> group(List<RollupStore.Row> rows) {
        Map<String, FigureValues> out = new HashMap<>();
        for (RollupStore.Row r : rows) {
            out.computeIfAbsent(r.nodePath(), k -> new FigureValues()).add(r.figure(), r.dimension(), r.numerator(),
                    r.denominator());
        }
        return out;
    }

    /** Refreshes the roll-ups now (tests, and the "refresh" after a bulk change). */
    @Transactional
    public void refreshNow() {
        refresher.refresh();
    }

}
