package org.gridwork.dashboard.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridwork.dashboard.DashboardView;
import org.gridwork.shared.dashboard.Figure;
import org.springframework.context.MessageSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's Chart.js configurations as JSON for data-* attributes (no inline script under
 * the CSP); static/js/dashboard.js adds colours and draws them. A chart without data is left out.
 */
class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final Locale locale;

    Charts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Weeks of the weekly chart, as the figure counts them (the last twelve, this one included). */
    static final int WEEKS = 12;

    /**
     * The charts of a view; {@code thisWeek} is the Monday of the roll-up's business day, so the
     * weekly chart has all twelve weeks, a week with no issue as zero.
     */
    Map<String, String> of(DashboardView view, java.time.LocalDate thisWeek) {
        Map<String, String> charts = new LinkedHashMap<>();
        Map<String, Long> statuses = view.totals().breakdown(Figure.ISSUES_OPEN);
        if (!statuses.isEmpty()) {
            charts.put("status", chart("doughnut", statuses.keySet().stream()
                    .map(s -> msg("dashboard.status." + s, s)).toList(),
                    List.of(dataset(msg("dashboard.figure.ISSUES_OPEN", null), new ArrayList<>(statuses.values())))));
        }
        Map<String, Long> categories = view.totals().breakdown(Figure.ISSUES_BY_CATEGORY);
        if (!categories.isEmpty()) {
            charts.put("category", chart("bar", new ArrayList<>(categories.keySet()),
                    List.of(dataset(msg("dashboard.figure.ISSUES_BY_CATEGORY", null), new ArrayList<>(categories.values())))));
        }
        Map<String, Long> reported = view.totals().breakdown(Figure.ISSUES_WEEKLY_REPORTED);
        Map<String, Long> closed = view.totals().breakdown(Figure.ISSUES_WEEKLY_CLOSED);
        if (view.provides(Figure.ISSUES_WEEKLY_REPORTED)) {
            List<String> weeks = new ArrayList<>();
            for (int i = WEEKS - 1; i >= 0; i--) {
                weeks.add(thisWeek.minusWeeks(i).toString());
            }
            charts.put("weekly", chart("line", weeks, List.of(
                    dataset(msg("dashboard.chart.reported", null), weeks.stream().map(w -> reported.getOrDefault(w, 0L)).toList()),
                    dataset(msg("dashboard.chart.closed", null), weeks.stream().map(w -> closed.getOrDefault(w, 0L)).toList()))));
        }
        if (!view.children().isEmpty()) {
            List<String> labels = view.children().stream().map(c -> c.node().name()).toList();
            List<Map<String, Object>> sets = new ArrayList<>();
            for (Figure f : List.of(Figure.ISSUES_OPEN, Figure.ISSUES_OVERDUE, Figure.TASKS_OPEN, Figure.TASKS_OVERDUE)) {
                if (view.provides(f)) {
                    sets.add(dataset(msg("dashboard.figure." + f, null),
                            view.children().stream().map(c -> c.figures().count(f)).toList()));
                }
            }
            if (!sets.isEmpty()) {
                charts.put("children", chart("bar", labels, sets));
            }
        }
        return charts;
    }

    private static String chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("datasets", datasets);
        return JSON.writeValueAsString(Map.of("type", type, "data", data));
    }

    private static Map<String, Object> dataset(String label, List<?> values) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("label", label);
        set.put("data", values);
        return set;
    }

    private String msg(String key, String fallback) {
        return messages.getMessage(key, null, fallback == null ? key : fallback, locale);
    }
}
