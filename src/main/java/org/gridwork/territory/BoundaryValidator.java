package org.gridwork.territory;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The boundary rules of DOMAIN.md section 1 with JTS: a valid geometry, no overlap with any other
 * active grid (of any village or town) beyond a small tolerance (errors, naming the grid, its
 * village and the area), no gap in the village's coverage and nothing outside the village's
 * boundary (warnings).
 */
final class BoundaryValidator {

    /** Overlaps below this are drawing noise along a shared edge, not a real overlap. */
    static final double OVERLAP_TOLERANCE_M2 = 1.0;
    /** Gaps and outside parts below this are ignored as noise too. */
    static final double WARNING_TOLERANCE_M2 = 10.0;

    private BoundaryValidator() {
    }

    /** Another active grid: its code, boundary, village and whether that is the checked grid's own village. */
    record Neighbour(String code, Geometry boundary, long villageId, boolean sameVillage) {
        Neighbour(String code, Geometry boundary) {
            this(code, boundary, 0, true);
        }
    }

    static BoundaryCheck check(String gridCode, Geometry boundary, List<Neighbour> neighbours, Geometry village,
            String villageName) {
        return check(gridCode, boundary, neighbours, village, villageName, java.util.Map.of());
    }

    static BoundaryCheck check(String gridCode, Geometry boundary, List<Neighbour> neighbours, Geometry village,
            String villageName, java.util.Map<Long, String> villageNames) {
        List<BoundaryCheck.Finding> errors = new ArrayList<>();
        List<BoundaryCheck.Finding> warnings = new ArrayList<>();
        TopologyValidationError invalid = new IsValidOp(boundary).getValidationError();
        if (invalid != null) {
            Coordinate at = invalid.getCoordinate();
            String key = switch (invalid.getErrorType()) {
                case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                        "territory.boundary.error.selfIntersection";
                case TopologyValidationError.HOLE_OUTSIDE_SHELL, TopologyValidationError.NESTED_HOLES ->
                        "territory.boundary.error.hole";
                case TopologyValidationError.NESTED_SHELLS -> "territory.boundary.error.nestedParts";
                case TopologyValidationError.TOO_FEW_POINTS -> "territory.boundary.error.tooFew";
                default -> "territory.boundary.error.invalid";
            };
            errors.add(new BoundaryCheck.Finding(key, gridCode, at == null ? "" : GeoJson.format(at.x, at.y)));
            return new BoundaryCheck(errors, warnings);
        }
        for (Neighbour n : neighbours) {
            if (n.boundary().intersects(boundary)) {
                double overlap = squareMetres(n.boundary().intersection(boundary));
                if (overlap > OVERLAP_TOLERANCE_M2) {
                    errors.add(new BoundaryCheck.Finding("territory.boundary.error.overlap", gridCode, n.code(),
                            Math.round(overlap), villageNames.getOrDefault(n.villageId(), villageName)));
                }
            }
        }
        if (village != null) {
            double outside = squareMetres(boundary.difference(village));
            if (outside > WARNING_TOLERANCE_M2) {
                warnings.add(new BoundaryCheck.Finding("territory.boundary.warning.outside", gridCode, villageName,
                        Math.round(outside)));
            }
        }
        List<Geometry> all = new ArrayList<>(neighbours.stream().filter(Neighbour::sameVillage)
                .map(Neighbour::boundary).toList());
        all.add(boundary);
        Geometry covered = UnaryUnionOp.union(all);
        double gap = village != null ? squareMetres(village.difference(covered)) : enclosedGaps(covered);
        if (gap > WARNING_TOLERANCE_M2) {
            warnings.add(new BoundaryCheck.Finding("territory.boundary.warning.gap", gridCode, villageName,
                    Math.round(gap)));
        }
        return new BoundaryCheck(errors, warnings);
    }

    /** Without a village boundary, a gap is a hole enclosed by the village's grids. */
    private static double enclosedGaps(Geometry covered) {
        double holes = 0;
        for (int i = 0; i < covered.getNumGeometries(); i++) {
            if (covered.getGeometryN(i) instanceof Polygon p) {
                for (int r = 0; r < p.getNumInteriorRing(); r++) {
                    holes += squareMetres(GeoJson.WGS84.createPolygon(p.getInteriorRingN(r).getCoordinates()));
                }
            }
        }
        return holes;
    }

    /**
     * Area in square metres of a small lon/lat geometry, projected onto a local equirectangular
     * plane at its centre latitude: within a fraction of a percent at the size of a village.
     */
    static double squareMetres(Geometry geometry) {
        if (geometry.isEmpty()) {
            return 0;
        }
        double lat = geometry.getEnvelopeInternal().centre().y;
        double metresPerDegreeLon = 111_320.0 * Math.cos(Math.toRadians(lat));
        double metresPerDegreeLat = 110_574.0;
        return geometry.getArea() * metresPerDegreeLon * metresPerDegreeLat;
    }
}
