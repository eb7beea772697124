package org.gridwork.territory;

import java.time.Instant;

/** A resident, household or open issue whose location a boundary change left outside every grid. */
public record UnplacedThing(String labelKey, long itemId, String label, String link, GridSummary grid,
        double longitude, double latitude, Instant since) {
}
