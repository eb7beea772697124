package org.gridwork.shared.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Implemented by each module that owns dashboard figures (issues, care visits, tasks), so the
 * dashboard depends on no feature module. The dashboard calls these on its refresh schedule, in
 * batches of grids, never per page view: implementations may run aggregate queries.
 */
public interface DashboardFigures {

    /** The figures this module contributes. */
    Set<Figure> provides();

    /** Per-grid figures of the present state (those with {@link Figure#monthly()} false). */
    List<GridFigure> current(Collection<Long> gridIds, LocalDate today);

    /** Per-grid figures of one calendar month (those with {@link Figure#monthly()} true). */
    default List<GridFigure> month(Collection<Long> gridIds, YearMonth month) {
        return List.of();
    }

    /**
     * The list behind a figure, filtered to a region node or grid (its code; {@code gridId} set
     * for a grid, null for a region) and, for monthly figures, to the month; null when the module
     * has no such list. Called per page view for every node shown: must not query the database.
     */
    String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month);

    /**
     * The first month this module has data for (business time), or null when it has none: months
     * before it are asked for in vain, so the dashboard clamps them (one query, per refresh).
     */
    default YearMonth firstMonth() {
        return null;
    }

    /** Open issues (or other points) to show on the map for these grids; empty by default. */
    default List<MapMarker> markers(Collection<Long> gridIds, int limit) {
        return List.of();
    }
}
