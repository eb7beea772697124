package org.gridwork.territory;

import java.time.Instant;
import java.util.List;

/** Everything the grid card shows: the grid, its village, its boundary and who looks after it. */
public record GridDetails(GridSummary grid, String description, RegionSummary village, String boundaryGeojson,
        Instant boundarySince, List<Long> staffUserIds, long version) {
}
