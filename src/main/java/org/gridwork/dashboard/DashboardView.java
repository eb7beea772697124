package org.gridwork.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridwork.shared.dashboard.Figure;

/**
 * What the dashboard shows for one node and month.
 *
 * @param breadcrumbs the nodes from the user's top node down to this one
 * @param asOf        when the figures of the present state were computed
 * @param version     moves on with every refresh of the roll-ups: the same version, node and
 *                    month always show the same figures
 * @param available   figures some installed module provides
 * @param listUrls    the list behind each figure of this node (absent when the module has none)
 */
public record DashboardView(DashboardNode node, List<DashboardNode> breadcrumbs, YearMonth month, Instant asOf, long version,
        FigureValues totals, List<Child> children, Set<Figure> available, Map<Figure, String> listUrls) {

    /** A node one level down, with its figures and the lists behind them. */
    public record Child(DashboardNode node, FigureValues figures, Map<Figure, String> listUrls) {
    }

    public boolean provides(Figure figure) {
        return available.contains(figure);
    }
}
