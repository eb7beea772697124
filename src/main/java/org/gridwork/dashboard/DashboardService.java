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
import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's dashboard (指挥看板): figures of a region node or grid within the user's scope,
 * read from the roll-ups only. Supervisors reach their region subtrees, admins everything; any
 * other node answers 404.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    private final RollupStore store;
    private final RollupRefresher refresher;
    private final DataScope dataScope;
    private final CurrentUsers currentUsers;

    DashboardService(RollupStore store, RollupRefresher refresher, DataScope dataScope, CurrentUsers currentUsers) {
        this.store = store;
        this.refresher = refresher;
        this.dataScope = dataScope;
        this.currentUsers = currentUsers;
    }

    /** The month asked for, or this month when none, unreadable or in the future. */
    public YearMonth month(String value) {
        YearMonth now = refresher.thisMonth();
        if (value == null || value.isBlank()) {
            return now;
        }
        try {
            YearMonth asked = YearMonth.parse(value.strip());
            return asked.isAfter(now) ? now : asked;
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    /** The last twelve months, newest first, for the month picker. */
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
        prepare(month);
        DashboardNode node = resolve(scope, nodeCode);
        String period = month.toString();
        FigureValues totals = group(store.figures(List.of(node.path()), period)).getOrDefault(node.path(), new FigureValues());
        Map<String, FigureValues> byChild = group(store.figuresOfChildren(node.path(), period));
        List<DashboardView.Child> children = store.children(node.path()).stream()
                .map(c -> new DashboardView.Child(c, byChild.getOrDefault(c.path(), new FigureValues()),
                        listUrls(c, month)))
                .toList();
        Instant asOf = store.refreshedAt(RollupStore.CURRENT).orElse(null);
        return new DashboardView(node, breadcrumbs(scope, node), month, asOf, totals, children, available(),
                listUrls(node, month));
    }

    /** The grids under a node with their figures (the map and the monthly report). */
    @Transactional
    public List<GridRow> grids(String nodeCode, YearMonth month) {
        GridScope scope = requireScope();
        prepare(month);
        DashboardNode node = resolve(scope, nodeCode);
        Map<String, FigureValues> values = group(store.figuresOfGridsUnder(node.path(), month.toString()));
        return store.gridsUnder(node.path()).stream()
                .map(g -> new GridRow(g, values.getOrDefault(g.path(), new FigureValues()))).toList();
    }

    /** A grid and its figures. */
    public record GridRow(DashboardNode grid, FigureValues figures) {
    }

    /** Figures some installed module provides. */
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

    private void prepare(YearMonth month) {
        if (store.refreshedAt(RollupStore.CURRENT).isEmpty()) {
            refresher.refresh();
        }
        refresher.ensureMonth(month);
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

    private DashboardNode resolve(GridScope scope, String nodeCode) {
        if (nodeCode != null && !nodeCode.isBlank()) {
            return store.nodeByCode(nodeCode.strip()).filter(n -> allows(scope, n))
                    .orElseThrow(() -> new NotFoundException("dashboard node", nodeCode));
        }
        if (!scope.unrestricted()) {
            return scope.regionPaths().stream().sorted().map(store::node).flatMap(java.util.Optional::stream)
                    .findFirst().orElseThrow(() -> new NotFoundException("dashboard node", "top"));
        }
        // admins start where the tree first branches (a single county shows the county, not the province)
        List<DashboardNode> level = store.roots();
        while (level.size() == 1 && !level.get(0).isGrid()) {
            List<DashboardNode> below = store.children(level.get(0).path());
            if (below.size() != 1 || below.get(0).isGrid()) {
                break;
            }
            level = below;
        }
        if (level.isEmpty()) {
            throw new NotFoundException("dashboard node", "top");
        }
        return level.get(0);
    }

    private static boolean allows(GridScope scope, DashboardNode node) {
        return scope.unrestricted() || scope.regionPaths().stream().anyMatch(p -> node.path().startsWith(p));
    }

    /** From the highest node the user may see down to this one. */
    private List<DashboardNode> breadcrumbs(GridScope scope, DashboardNode node) {
        List<String> paths = new ArrayList<>();
        for (int i = node.path().indexOf('/', 1); i > 0; i = node.path().indexOf('/', i + 1)) {
            paths.add(node.path().substring(0, i + 1));
        }
        return store.nodes(paths).stream().filter(n -> allows(scope, n)).toList();
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
