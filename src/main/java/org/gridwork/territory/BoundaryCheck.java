package org.gridwork.territory;

import java.util.List;

/**
 * The outcome of checking a grid boundary: errors stop the save, warnings (gaps, reaching outside
 * the village) are shown but the boundary is saved anyway.
 */
public record BoundaryCheck(List<Finding> errors, List<Finding> warnings) {

    /** A message key with its arguments; the first argument is always the grid's code. */
    public record Finding(String messageKey, Object... args) {
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
