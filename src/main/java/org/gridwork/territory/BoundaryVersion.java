package org.gridwork.territory;

import java.time.Instant;

/** A former boundary of a grid with the period it was valid. */
public record BoundaryVersion(String boundaryGeojson, Instant validFrom, Instant validTo, Long changedBy) {
}
