package org.gridwork.territory;

import java.util.List;

/** Outcome of a GeoJSON boundary import: how many grids got a new boundary, or why none did. */
public record BoundaryImportReport(int saved, List<BoundaryCheck.Finding> errors, List<BoundaryCheck.Finding> warnings) {
}
