package org.gridwork.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonRawValue;

import org.gridwork.dashboard.DashboardService;
import org.gridwork.dashboard.DashboardView;
import org.gridwork.dashboard.MonthlyReport;
import org.gridwork.shared.cache.Caches;
import org.gridwork.shared.cache.GridworkCache;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.web.RenderedFragments;
import org.gridwork.shared.dashboard.MapMarker;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** /dashboard: figures of a node with drill-down, the map's data and the monthly report. */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    /** The figures of the cards and of the drill-down table's columns, in this order. */
    static final List<Figure> HEADLINE = List.of(Figure.ISSUES_OPEN, Figure.ISSUES_OVERDUE, Figure.ISSUES_ON_TIME,
            Figure.ISSUES_CLOSE_HOURS, Figure.PUBLIC_SATISFACTION, Figure.CARE_COVERAGE, Figure.TASKS_OPEN,
            Figure.TASKS_OVERDUE, Figure.CAMPAIGN_PENDING);

    /** Up the chain (issue 21): the county centre, the whistle and the work pushed down to the grid. */
    static final List<Figure> CHAIN = List.of(Figure.ISSUES_AT_COUNTY, Figure.ISSUES_HANDLED_AT_COUNTY,
            Figure.WHISTLE_RESPONSE, Figure.WHISTLE_MISSED, Figure.TASKS_OUTSIDE_LIST);


    /** Beyond this many points the map groups them per grid. */
    private static final int MARKERS_UNGROUPED = 200;

    /** The content as rendered, until the roll-ups' next refresh: the same for every viewer of a node. */
    private final org.springframework.cache.Cache bodies;

    private final DashboardService dashboard;
    private final RenderedFragments fragments;
    private final MonthlyReport report;
    private final GridBoundaries boundaries;
    private final MessageSource messages;
    private final FigureFormat figureFormat;
    private final String tileUrl;
    private final String tileAttribution;
    private final java.time.ZoneId zone;
    private final org.gridwork.shared.time.BusinessTime time;

    DashboardController(DashboardService dashboard, RenderedFragments fragments, MonthlyReport report, GridBoundaries boundaries,
            MessageSource messages, FigureFormat figureFormat, org.gridwork.shared.web.MapTiles tiles,
            org.gridwork.shared.time.BusinessTime time, Caches caches) {
        this.bodies = caches.of(GridworkCache.DASHBOARD_BODIES);
        this.zone = time.zone();
        this.time = time;
        this.dashboard = dashboard;
        this.fragments = fragments;
        this.report = report;
        this.boundaries = boundaries;
        this.messages = messages;
        this.figureFormat = figureFormat;
        this.tileUrl = tiles.tileUrl();
        this.tileAttribution = tiles.tileAttribution();
    }

    @GetMapping
    String show(@RequestParam(required = false) String node, @RequestParam(required = false) String month,
            @RequestParam(required = false) String figure, Model model, Locale locale,
            jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        YearMonth m = dashboard.month(month);
        DashboardView view = dashboard.view(node, m);
        Figure mapFigure = mapFigure(figure, view.available());
        List<YearMonth> months = dashboard.months();
        BodyKey key = new BodyKey(view.version(), view.node().path(), m, months.get(0),
                view.breadcrumbs().stream().map(b -> b.code()).toList(), locale, mapFigure, request.getContextPath());
        String body = Caches.versioned(bodies, view.version(), key, () -> {
            Map<String, Object> content = new HashMap<>();
            content.put("view", view);
            content.put("asOf", view.asOf() == null ? null : java.time.LocalDateTime.ofInstant(view.asOf(), zone));
            content.put("figures", Figure.values());
            content.put("headline", HEADLINE);
            content.put("chain", CHAIN);
            content.put("drilldown", DrilldownTable.of(view, HEADLINE, figureFormat, request.getContextPath()));
            content.put("mapFigure", mapFigure);
            content.put("mapFigures", EnumSet.copyOf(view.available().isEmpty() ? Set.of(Figure.TASKS_OPEN) : view.available())
                    .stream().filter(f -> !f.name().contains("WEEKLY")).toList());
            content.put("months", months);
            content.put("tileUrl", tileUrl);
            content.put("tileAttribution", tileAttribution);
            content.put("tables", MonthlyReport.Table.values());
            java.time.LocalDate day = view.asOf() == null ? time.today() : time.dayOf(view.asOf());
            content.put("charts", new Charts(messages, locale).of(view, org.gridwork.shared.time.BusinessTime.weekOf(day)));
            return fragments.render("dashboard/body :: body", content, locale, request, response);
        });
        model.addAttribute("view", view);
        model.addAttribute("body", body);
        return "dashboard/index";
    }

    /** Everything the dashboard's content depends on; the viewer's scope shows in the breadcrumbs. */
    private record BodyKey(long version, String nodePath, YearMonth month, YearMonth thisMonth, List<String> breadcrumbs,
            Locale locale, Figure mapFigure, String contextPath) {
    }

    private static Figure mapFigure(String figure, Set<Figure> available) {
        try {
            if (figure != null) {
                return Figure.valueOf(figure);
            }
        } catch (IllegalArgumentException e) {
            // unknown figure: fall back below
        }
        return available.contains(Figure.ISSUES_OPEN) ? Figure.ISSUES_OPEN : Figure.TASKS_OPEN;
    }

    /** GeoJSON of the node's grids with the chosen figure, and the open issues as (grouped) markers. */
    @GetMapping(value = "/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> map(@RequestParam(required = false) String node, @RequestParam(required = false) String month,
            @RequestParam(required = false) String figure) {
        YearMonth m = dashboard.month(month);
        List<DashboardService.GridRow> grids = dashboard.grids(node, m);
        Figure f = mapFigure(figure, dashboard.available());
        Map<Long, String> shapes = boundaries.of(grids.stream().map(g -> g.grid().gridId()).toList());
        List<Object> features = new ArrayList<>();
        for (DashboardService.GridRow g : grids) {
            String shape = shapes.get(g.grid().gridId());
            if (shape == null) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", g.grid().code());
            props.put("name", g.grid().name());
            props.put("value", g.figures().value(f));
            props.put("url", "/dashboard?node=" + g.grid().code() + "&month=" + m);
            features.add(new Feature("Feature", shape, props));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        out.put("features", features);
        out.put("markers", markers(grids));
        return out;
    }

    private List<Map<String, Object>> markers(List<DashboardService.GridRow> grids) {
        List<MapMarker> markers = dashboard.markers(grids.stream().map(g -> g.grid().gridId()).toList(), 5000);
        List<Map<String, Object>> out = new ArrayList<>();
        if (markers.size() <= MARKERS_UNGROUPED) {
            markers.forEach(mk -> out.add(Map.of("lng", mk.longitude(), "lat", mk.latitude(), "title", mk.title(),
                    "url", mk.url(), "count", 1)));
            return out;
        }
        Map<Long, double[]> groups = new HashMap<>();
        markers.forEach(mk -> {
            double[] g = groups.computeIfAbsent(mk.gridId(), k -> new double[3]);
            g[0] += mk.longitude();
            g[1] += mk.latitude();
            g[2]++;
        });
        Map<Long, String> codes = new HashMap<>();
        grids.forEach(g -> codes.put(g.grid().gridId(), g.grid().code()));
        groups.forEach((grid, g) -> out.add(Map.of("lng", g[0] / g[2], "lat", g[1] / g[2],
                "title", codes.getOrDefault(grid, ""), "url", "/dashboard?node=" + codes.getOrDefault(grid, ""),
                "count", (long) g[2])));
        return out;
    }

    /** A GeoJSON feature whose geometry is the stored boundary text, written as is. */
    record Feature(String type, @JsonRawValue String geometry, Map<String, Object> properties) {
    }

    @GetMapping("/report.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String node, @RequestParam(required = false) String month,
            Locale locale) {
        YearMonth m = dashboard.month(month);
        byte[] body = report.xlsx(node, m, locale);
        return download(body, fileName(node, m, "xlsx"),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/report.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String node, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "TASKS") MonthlyReport.Table table, Locale locale) {
        YearMonth m = dashboard.month(month);
        byte[] body = report.csv(node, m, table, locale);
        return download(body, fileName(node, m, table.name().toLowerCase(Locale.ROOT) + ".csv"),
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    private String fileName(String node, YearMonth month, String suffix) {
        String code = node == null || node.isBlank() ? dashboard.view(null, month).node().code() : node.strip();
        return "gridwork-report-" + code.replaceAll("[^0-9A-Za-z-]", "") + "-" + month + "." + suffix;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }
}
