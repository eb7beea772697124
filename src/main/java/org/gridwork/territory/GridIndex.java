package org.gridwork.territory;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable snapshot of the active grids' boundaries: an STRtree finds the few grids whose
 * envelope holds the point, their prepared geometries decide (holes excluded, edges and vertices
 * included), and of several the smaller code wins. Safe for any number of concurrent readers.
 */
final class GridIndex {

    private final long version;
    private final STRtree tree = new STRtree();
    private int size;

    GridIndex(long version) {
        this.version = version;
    }

    void add(GridSummary grid, Geometry boundary) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(boundary);
        tree.insert(boundary.getEnvelopeInternal(), new Located(grid, prepared));
        size++;
    }

    /** Freezes the tree; call once after the last {@link #add}, before sharing the index. */
    GridIndex build() {
        tree.build();
        return this;
    }

    long version() {
        return version;
    }

    int size() {
        return size;
    }

    Optional<GridSummary> locate(double longitude, double latitude) {
        Coordinate c = new Coordinate(longitude, latitude);
        Point point = null;
        Located best = null;
        @SuppressWarnings("unchecked")
        List<Located> candidates = tree.query(new Envelope(c));
        for (Located candidate : candidates) {
            if (best == null || candidate.grid().code().compareTo(best.grid().code()) < 0) {
                if (point == null) {
                    point = GeoJson.WGS84.createPoint(c);
                }
                if (candidate.geometry().covers(point)) {
                    best = candidate;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.grid());
    }

    /** The grids whose envelope meets the given one (candidates for overlap checks and maps around a point). */
    @SuppressWarnings("unchecked")
    List<Located> meeting(Envelope envelope) {
        return tree.query(envelope);
    }

    record Located(GridSummary grid, PreparedGeometry geometry) {
        Geometry boundary() {
            return geometry.getGeometry();
        }
    }
}
