package org.gridwork.care;

import java.util.Locale;

/**
 * Visit coverage of one grid (or of all grids shown): special-group people (with an open care
 * plan) and how many of them are overdue, by the one definition of {@link CoverageCounts}.
 */
public record GridCoverage(long gridId, String gridCode, String gridName, int people, int overdue) {

    public int covered() {
        return people - overdue;
    }

    /**
     * Percentage covered with one decimal, rounded as the dashboard rounds its rates (so both show
     * the same number); 100 for a grid with nobody to visit.
     */
    public double percent() {
        return people == 0 ? 100 : Math.round(1000.0 * covered() / people) / 10.0;
    }

    /** As the dashboard writes a rate ("71.4"); "—" for a grid with nobody to visit, as the dashboard shows it. */
    public String percentText() {
        return people == 0 ? "—" : String.format(Locale.ROOT, "%.1f", percent());
    }
}
