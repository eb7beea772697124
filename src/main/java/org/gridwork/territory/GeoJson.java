package org.gridwork.territory;

import java.util.Locale;

import org.gridwork.shared.BusinessRuleException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON (RFC 7946, WGS 84 lon/lat) in and out for grid boundaries: a Polygon or MultiPolygon,
 * bare or inside a Feature. Malformed input is refused with a message key naming the grid and
 * the ring or point, never with a parser's stack trace.
 */
final class GeoJson {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private GeoJson() {
    }

    static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new BusinessRuleException("territory.boundary.error.json");
        }
    }

    /** A Polygon or MultiPolygon from a geometry, Feature or single-feature FeatureCollection. */
    static Geometry read(String text, String gridCode) {
        return read(tree(text), gridCode);
    }

    static Geometry read(JsonNode node, String gridCode) {
        if (node == null || !node.isObject()) {
            throw new BusinessRuleException("territory.boundary.error.json");
        }
        String type = node.path("type").asString("");
        if ("FeatureCollection".equals(type) && node.path("features").size() == 1) {
            return read(node.path("features").get(0), gridCode);
        }
        if ("Feature".equals(type)) {
            return read(node.path("geometry"), gridCode);
        }
        JsonNode coordinates = node.path("coordinates");
        if (!coordinates.isArray()) {
            throw new BusinessRuleException("territory.boundary.error.type", gridCode, type);
        }
        if ("Polygon".equals(type)) {
            return polygon(coordinates, gridCode, 1);
        }
        if ("MultiPolygon".equals(type)) {
            if (coordinates.isEmpty()) {
                throw new BusinessRuleException("territory.boundary.error.empty", gridCode);
            }
            Polygon[] parts = new Polygon[coordinates.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = polygon(coordinates.get(i), gridCode, i + 1);
            }
            return WGS84.createMultiPolygon(parts);
        }
        throw new BusinessRuleException("territory.boundary.error.type", gridCode, type);
    }

    private static Polygon polygon(JsonNode rings, String gridCode, int part) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new BusinessRuleException("territory.boundary.error.empty", gridCode);
        }
        LinearRing shell = ring(rings.get(0), gridCode, part, 1);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), gridCode, part, i + 1);
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, String gridCode, int part, int ring) {
        if (!points.isArray()) {
            throw new BusinessRuleException("territory.boundary.error.json");
        }
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            JsonNode p = points.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new BusinessRuleException("territory.boundary.error.point", gridCode, part, ring, i + 1);
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new BusinessRuleException("territory.boundary.error.range", gridCode, format(lon, lat));
            }
            c[i] = new Coordinate(lon, lat);
        }
        if (c.length < 4) {
            throw new BusinessRuleException("territory.boundary.error.tooFewPoints", gridCode, part, ring, c.length);
        }
        if (!c[0].equals2D(c[c.length - 1])) {
            throw new BusinessRuleException("territory.boundary.error.unclosed", gridCode, part, ring);
        }
        return WGS84.createLinearRing(c);
    }

    /** Most vertices a grid's boundary may have: a grid is a few streets, not a coastline. */
    static final int MAX_VERTICES = 10_000;

    /** A boundary on its way in (drawn, pasted, imported): as {@link #read(JsonNode, String)}, capped in vertices. */
    static Geometry readNew(JsonNode node, String gridCode) {
        Geometry g = read(node, gridCode);
        if (g.getNumPoints() > MAX_VERTICES) {
            throw new BusinessRuleException("territory.boundary.error.tooManyVertices", gridCode, g.getNumPoints(),
                    MAX_VERTICES);
        }
        return g;
    }

    static Geometry readNew(String text, String gridCode) {
        return readNew(tree(text), gridCode);
    }

    /** A stored boundary as RFC 7946 wants it out: exterior rings counterclockwise, holes clockwise. */
    static String rfc7946(String stored) {
        return stored == null ? null : write(read(stored, ""));
    }

    /**
     * A stored boundary for a map at a zoom level: above a few hundred vertices it is simplified to
     * about a pixel at that zoom (topology kept), so that no map's JSON carries a huge boundary whole.
     */
    static String forMap(String stored, int zoom) {
        // ~30 characters per vertex: shorter texts are small enough to serve as stored
        if (stored == null || stored.length() < 300 * 30) {
            return stored;
        }
        double pixel = 360.0 / (256 * Math.pow(2, Math.max(0, Math.min(zoom, 22))));
        Geometry simplified = org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(read(stored, ""), pixel);
        return simplified.isEmpty() ? stored : write(simplified);
    }

    /** The geometry as a GeoJSON geometry object (6 decimals, about 0.1 m), rings in RFC 7946 orientation. */
    static String write(Geometry geometry) {
        StringBuilder out = new StringBuilder();
        if (geometry instanceof Polygon polygon) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(polygon, out);
        } else if (geometry instanceof MultiPolygon multi) {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                polygon((Polygon) multi.getGeometryN(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a polygon: " + geometry.getGeometryType());
        }
        return out.append('}').toString();
    }

    private static void polygon(Polygon polygon, StringBuilder out) {
        out.append('[');
        ring(oriented(polygon.getExteriorRing().getCoordinates(), true), out);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            out.append(',');
            ring(oriented(polygon.getInteriorRingN(i).getCoordinates(), false), out);
        }
        out.append(']');
    }

    /** RFC 7946 section 3.1.6, the right-hand rule: exterior rings counterclockwise, holes clockwise. */
    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (ring.length < 4 || org.locationtech.jts.algorithm.Orientation.isCCW(ring) == counterClockwise) {
            return ring;
        }
        Coordinate[] reversed = ring.clone();
        java.util.Collections.reverse(java.util.Arrays.asList(reversed));
        return reversed;
    }

    private static void ring(Coordinate[] coordinates, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(String.format(Locale.ROOT, "[%.6f,%.6f]", coordinates[i].x, coordinates[i].y));
        }
        out.append(']');
    }

    static String format(double lon, double lat) {
        return String.format(Locale.ROOT, "%.6f, %.6f", lon, lat);
    }
}
