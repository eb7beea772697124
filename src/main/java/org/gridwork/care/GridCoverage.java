package org.gridwork.care;

/**
 * Visit coverage of one grid: special-group people (with an open care plan) and how many of them
 * are not overdue.
 */
public record GridCoverage(long gridId, String gridCode, String gridName, int people, int overdue) {

    public int covered() {
        return people - overdue;
    }

    /** Percentage covered, 100 for a grid with nobody to visit. */
    public int percent() {
        return people == 0 ? 100 : (int) Math.floor(100.0 * covered() / people);
    }
}
