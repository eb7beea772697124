package org.gridwork.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Point to grid: which active grid covers a WGS 84 point. A point on a shared edge or vertex is
 * covered by both neighbours; the grid with the smaller code wins (DOMAIN.md section 1).
 */
@Component
public class GridLocator {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final GridRepository grids;
    private final ObjectMapper json;
    private volatile List<Located> index;

    GridLocator(GridRepository grids, ObjectMapper json) {
        this.grids = grids;
        this.json = json;
    }

    /** The grid covering the point, if any. */
    public Optional<GridSummary> locate(double longitude, double latitude) {
        Point p = WGS84.createPoint(new Coordinate(longitude, latitude));
        return index().stream()
                .filter(l -> l.geometry().covers(p))
                .min(Comparator.comparing(l -> l.grid().code()))
                .map(Located::grid);
    }

    /** Forget the index; the next lookup rebuilds it (after a boundary changed). */
    public void invalidate() {
        index = null;
    }

    private List<Located> index() {
        List<Located> current = index;
        if (current == null) {
            List<Located> built = new ArrayList<>();
            for (Grid g : grids.findAll()) {
                if (g.getStatus() == GridStatus.ACTIVE && g.getBoundaryGeojson() != null) {
                    built.add(new Located(g.summary(), PreparedGeometryFactory.prepare(parse(g.getBoundaryGeojson()))));
                }
            }
            index = current = List.copyOf(built);
        }
        return current;
    }

    /** Reads a GeoJSON Polygon or MultiPolygon (RFC 7946, lon/lat) into JTS. */
    Geometry parse(String geojson) {
        JsonNode node = json.readTree(geojson);
        String type = node.path("type").asString();
        JsonNode coords = node.path("coordinates");
        if ("Polygon".equals(type)) {
            return polygon(coords);
        }
        if ("MultiPolygon".equals(type)) {
            Polygon[] parts = new Polygon[coords.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = polygon(coords.get(i));
            }
            return WGS84.createMultiPolygon(parts);
        }
        throw new IllegalArgumentException("not a Polygon or MultiPolygon: " + type);
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return WGS84.createLinearRing(c);
    }

    private record Located(GridSummary grid, PreparedGeometry geometry) {
    }
}
