package org.gridwork.territory;

import java.util.Collection;
import java.util.List;

/**
 * What other modules place in grids by a location (residents' homes, households, open issues):
 * territory asks for them to show an admin, before a boundary is saved, who would move from which
 * grid to which, and to list what a change leaves outside every grid. A module declares a bean;
 * territory knows none of them.
 */
public interface PlacedByLocation {

    /** Message key of what is placed, e.g. {@code resident.count.label}. */
    String labelKey();

    /** Things with a location inside the box (west, south, east, north) or now in one of the grids. */
    List<Placed> placedIn(double west, double south, double east, double north, Collection<Long> gridIds);

    /** Link to one of them for the admin's list of unplaced things, or null when it has no page. */
    String link(long id);

    /** One placed thing: its id, grid, location and a short label (a name, an issue's category and text). */
    record Placed(long id, long gridId, double longitude, double latitude, String label) {
    }
}
