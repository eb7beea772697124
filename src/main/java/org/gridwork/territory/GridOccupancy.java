package org.gridwork.territory;

import java.util.Collection;

/**
 * What other modules keep in grids (residents, open issues), counted for the territory screens
 * and checked before a grid is archived. A module declares a bean; territory knows none of them.
 */
public interface GridOccupancy {

    /** Message key of what is counted, e.g. {@code resident.count.label}. */
    String labelKey();

    /** How many there are in these grids together. */
    long count(Collection<Long> gridIds);

    /** Whether a grid holding any of these may not be archived (residents, open issues: yes). */
    default boolean blocksArchive() {
        return true;
    }
}
