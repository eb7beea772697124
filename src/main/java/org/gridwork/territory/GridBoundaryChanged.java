package org.gridwork.territory;

import org.locationtech.jts.geom.Envelope;

/**
 * A grid's boundary was drawn, redrawn, or the grid archived. Modules that place things by
 * location (residents' homes, open issues) re-assign what lies in the changed area with
 * {@link GridLocator#locate} and record the change with the old and new grid. Published inside
 * the changing transaction: listen with {@code @ApplicationModuleListener} (after commit, recorded
 * in the event publication registry, so a crash does not lose the re-gridding); the locator's own
 * index is already rebuilt by then.
 *
 * @param changedArea the envelope of the old and new boundary together, worked out once here
 *        (with JTS) so that listeners do not parse GeoJSON; empty when neither had a boundary
 */
public record GridBoundaryChanged(long gridId, String gridCode, Area changedArea) {

    /**
     * The change from the boundary before (null when the grid had none: first drawing) to the
     * boundary now (null when the grid was archived).
     */
    public GridBoundaryChanged(long gridId, String gridCode, String oldBoundaryGeojson, String newBoundaryGeojson) {
        this(gridId, gridCode, Area.around(gridCode, oldBoundaryGeojson, newBoundaryGeojson));
    }

    /** A longitude/latitude box (WGS 84); {@link #empty()} when west is past east. */
    public record Area(double west, double south, double east, double north) {

        static final Area EMPTY = new Area(0, 0, -1, -1);

        static Area around(String gridCode, String... geojsons) {
            Envelope envelope = new Envelope();
            for (String geojson : geojsons) {
                if (geojson != null) {
                    try {
                        envelope.expandToInclude(GeoJson.read(geojson, gridCode).getEnvelopeInternal());
                    } catch (RuntimeException unreadable) {
                        // a boundary stored before validation: nothing of it can be placed anyway
                    }
                }
            }
            return envelope.isNull() ? EMPTY
                    : new Area(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
        }

        public boolean empty() {
            return west > east;
        }
    }
}
