package org.gridwork.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a change of grid shapes does to the things placed by location (residents, households, open
 * issues): who would move where, as a preview with a token the admin confirms, and the list of
 * things a change leaves outside every grid. Shared by boundary saves and grid archiving, which
 * both take grids' shapes away.
 */
@Component
class GridMoves {

    private final JdbcTemplate jdbc;
    private final GridDirectory directory;
    private final GridLocator locator;
    private final List<PlacedByLocation> placed;

    GridMoves(JdbcTemplate jdbc, GridDirectory directory, GridLocator locator, List<PlacedByLocation> placed) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.locator = locator;
        this.placed = placed;
    }

    /**
     * Who would move if these boundaries replaced the stored ones: every resident, household and
     * open issue in the changed area (or now in a changed grid) is placed again against the new
     * boundaries and the unchanged grids around them. Nothing is written.
     */
    MovePreview previewMoves(Map<Grid, Geometry> changes) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        Map<String, MovePreview.Move> moves = new LinkedHashMap<>();
        forEachPlaced(changes, (source, thing, to) -> {
            if (to != null ? to.id() == thing.gridId() : !changedIds(changes).contains(thing.gridId())) {
                return;
            }
            String key = source.labelKey() + "|" + thing.gridId() + "|" + (to == null ? "-" : to.id());
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            moves.putIfAbsent(key, new MovePreview.Move(source.labelKey(),
                    directory.find(thing.gridId()).orElse(null), to, 0));
        });
        List<MovePreview.Move> list = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder();
        changes.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().getId()))
                .forEach(e -> fingerprint.append(e.getKey().getId()).append(':')
                        .append(e.getKey().getVersion()).append(':').append(GeoJson.write(e.getValue())).append('\n'));
        counts.forEach((key, n) -> {
            MovePreview.Move m = moves.get(key);
            list.add(new MovePreview.Move(m.labelKey(), m.from(), m.to(), n[0]));
            fingerprint.append(key).append('=').append(n[0]).append('\n');
        });
        list.sort(Comparator.comparing((MovePreview.Move m) -> m.labelKey())
                .thenComparing(m -> m.from() == null ? "" : m.from().code())
                .thenComparing(m -> m.to() == null ? "~" : m.to().code()));
        return new MovePreview(List.copyOf(list), sha256(fingerprint.toString()));
    }

    /** Things of the changed area now outside every grid join the list; those placed again leave it. */
    void recordUnplaced(Map<Grid, Geometry> changes) {
        Set<Long> ids = changedIds(changes);
        forEachPlaced(changes, (source, thing, to) -> {
            if (to != null) {
                jdbc.update("delete from territory_unplaced where kind = ? and item_id = ?", source.labelKey(), thing.id());
            } else if (ids.contains(thing.gridId())) {
                String label = thing.label() == null ? "" : thing.label();
                jdbc.update("""
                        insert into territory_unplaced (kind, item_id, grid_id, longitude, latitude, label)
                        values (?, ?, ?, ?, ?, ?) on conflict (kind, item_id) do update
                        set grid_id = excluded.grid_id, longitude = excluded.longitude, latitude = excluded.latitude""",
                        source.labelKey(), thing.id(), thing.gridId(), thing.longitude(), thing.latitude(),
                        label.length() > 200 ? label.substring(0, 200) : label);
            }
        });
    }

    private interface PlacedVisitor {
        void visit(PlacedByLocation source, PlacedByLocation.Placed thing, GridSummary to);
    }

    private void forEachPlaced(Map<Grid, Geometry> changes, PlacedVisitor visitor) {
        org.locationtech.jts.geom.Envelope area = new org.locationtech.jts.geom.Envelope();
        Map<Long, org.locationtech.jts.geom.prep.PreparedGeometry> prepared = new LinkedHashMap<>();
        Map<Long, GridSummary> summaries = new LinkedHashMap<>();
        for (Map.Entry<Grid, Geometry> e : changes.entrySet()) {
            area.expandToInclude(e.getValue().getEnvelopeInternal());
            if (e.getKey().getBoundaryGeojson() != null) {
                area.expandToInclude(GeoJson.read(e.getKey().getBoundaryGeojson(), e.getKey().getCode()).getEnvelopeInternal());
            }
            prepared.put(e.getKey().getId(), org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(e.getValue()));
            summaries.put(e.getKey().getId(), e.getKey().summary());
        }
        Set<Long> ids = prepared.keySet();
        for (PlacedByLocation source : placed) {
            for (PlacedByLocation.Placed thing : source.placedIn(area.getMinX(), area.getMinY(), area.getMaxX(),
                    area.getMaxY(), ids)) {
                visitor.visit(source, thing, locateAfter(prepared, summaries, thing.longitude(), thing.latitude()));
            }
        }
    }

    private static Set<Long> changedIds(Map<Grid, Geometry> changes) {
        Set<Long> ids = new java.util.HashSet<>();
        changes.keySet().forEach(g -> ids.add(g.getId()));
        return ids;
    }

    /** The grid covering a point once the changed grids have their new boundaries (smaller code wins). */
    private GridSummary locateAfter(Map<Long, org.locationtech.jts.geom.prep.PreparedGeometry> changed,
            Map<Long, GridSummary> summaries, double lon, double lat) {
        org.locationtech.jts.geom.Coordinate c = new org.locationtech.jts.geom.Coordinate(lon, lat);
        org.locationtech.jts.geom.Point point = GeoJson.WGS84.createPoint(c);
        GridSummary best = null;
        for (GridIndex.Located l : locator.meeting(new org.locationtech.jts.geom.Envelope(c))) {
            if (!changed.containsKey(l.grid().id()) && (best == null || l.grid().code().compareTo(best.code()) < 0)
                    && l.geometry().covers(point)) {
                best = l.grid();
            }
        }
        for (Map.Entry<Long, org.locationtech.jts.geom.prep.PreparedGeometry> e : changed.entrySet()) {
            GridSummary g = summaries.get(e.getKey());
            if ((best == null || g.code().compareTo(best.code()) < 0) && e.getValue().covers(point)) {
                best = g;
            }
        }
        return best;
    }

    private static String sha256(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
