package org.gridwork.dashboard.web;

import java.util.List;

import org.gridwork.dashboard.DashboardView;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.web.Html;

/**
 * The drill-down table (one row per child node, one cell per figure), its cells written here
 * rather than by template expressions: a county's 15 towns times 7 figures made 100 cells of
 * five expressions each, most of the dashboard's time. Text and links are HTML-escaped.
 *
 * @param columns the figures shown, in column order
 * @param rows    one per child node
 */
record DrilldownTable(List<Figure> columns, List<Row> rows) {

    /** @param cells the row's figure cells as HTML ({@code <td>} elements) */
    record Row(String code, String name, String cells) {
    }

    static DrilldownTable of(DashboardView view, List<Figure> headline, FigureFormat format, String contextPath) {
        List<Figure> columns = headline.stream().filter(view::provides).toList();
        List<Row> rows = view.children().stream().map(child -> {
            StringBuilder cells = new StringBuilder();
            for (Figure f : columns) {
                String value = Html.text(format.format(child.figures(), f));
                String url = child.listUrls().get(f);
                cells.append("<td class=\"text-end\" data-figure=\"").append(f.name()).append("\">");
                if (url != null) {
                    cells.append("<a href=\"").append(Html.text(contextPath + url)).append("\"><span>")
                            .append(value).append("</span></a>");
                } else {
                    cells.append("<span><span>").append(value).append("</span></span>");
                }
                cells.append("</td>");
            }
            return new Row(child.node().code(), child.node().name(), cells.toString());
        }).toList();
        return new DrilldownTable(columns, rows);
    }
}
