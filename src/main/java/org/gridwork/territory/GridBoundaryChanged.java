package org.gridwork.territory;

/**
 * A grid's boundary was drawn or redrawn. Modules that place things by location (residents'
 * homes, open issues) re-assign what lies in the changed area and record the change.
 */
public record GridBoundaryChanged(long gridId, String gridCode, String oldBoundaryGeojson, String newBoundaryGeojson) {
}
