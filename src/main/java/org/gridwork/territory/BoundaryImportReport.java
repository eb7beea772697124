package org.gridwork.territory;

import java.util.List;

/**
 * Outcome of a GeoJSON boundary import: how many grids got a new boundary, or why none did; when
 * the boundaries pass but would move residents, households or open issues, nothing is saved and
 * {@code moves} holds the preview to confirm.
 */
public record BoundaryImportReport(int saved, List<BoundaryCheck.Finding> errors, List<BoundaryCheck.Finding> warnings,
        MovePreview moves) {

    public BoundaryImportReport(int saved, List<BoundaryCheck.Finding> errors, List<BoundaryCheck.Finding> warnings) {
        this(saved, errors, warnings, null);
    }

    public boolean awaitsConfirmation() {
        return moves != null && !moves.isEmpty();
    }
}
