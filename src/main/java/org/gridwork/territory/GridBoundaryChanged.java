package org.gridwork.territory;

/**
 * A grid's boundary was drawn, redrawn, or the grid archived. Modules that place things by
 * location (residents' homes, open issues) re-assign what lies in the changed area (old and new
 * boundary together) with {@link GridLocator#locate} and record the change with the old and new
 * grid. Published inside the changing transaction: listen after commit
 * ({@code @ApplicationModuleListener} or {@code @TransactionalEventListener}); the locator's own
 * index is already rebuilt by then.
 *
 * @param oldBoundaryGeojson the boundary before, null when the grid had none (first drawing)
 * @param newBoundaryGeojson the boundary now, null when the grid was archived
 */
public record GridBoundaryChanged(long gridId, String gridCode, String oldBoundaryGeojson, String newBoundaryGeojson) {
}
