package org.gridwork.territory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.security.Authorities;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * The shapes of the grids: checking a boundary against the rules and its neighbours, saving it
 * (with its history, the move preview the admin confirms and the things left unplaced), importing
 * many at once, and serving them as GeoJSON for maps and downloads within the user's scope.
 */
@Service
@Transactional(readOnly = true)
public class Boundaries {

    private final RegionRepository regionRepository;
    private final GridRepository gridRepository;
    private final DataScope dataScope;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final CurrentUsers currentUsers;
    private final GridDirectory directory;
    private final GridLocator locator;
    private final List<PlacedByLocation> placed;
    private final Regions regions;
    private final Grids grids;
    private final GridMoves gridMoves;

    Boundaries(RegionRepository regionRepository, GridRepository gridRepository, DataScope dataScope,
            JdbcTemplate jdbc, ApplicationEventPublisher events, CurrentUsers currentUsers, GridDirectory directory,
            GridLocator locator, List<PlacedByLocation> placed, Regions regions, Grids grids, GridMoves gridMoves) {
        this.regionRepository = regionRepository;
        this.gridRepository = gridRepository;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
        this.events = events;
        this.currentUsers = currentUsers;
        this.directory = directory;
        this.locator = locator;
        this.placed = placed;
        this.regions = regions;
        this.grids = grids;
        this.gridMoves = gridMoves;
    }

    /** Checks a boundary without saving it (the editor's "check" button and the import preview). */
    public BoundaryCheck checkBoundary(long gridId, String geojson) {
        dataScope.requireGrid(gridId);
        Grid grid = gridRepository.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        Geometry boundary = GeoJson.readNew(geojson, grid.getCode());
        return check(grid, boundary, Map.of());
    }

    /**
     * Redraws a grid's boundary when it passes the checks: the old one goes to the history with its
     * validity period, the lookup index is rebuilt and {@link GridBoundaryChanged} tells the modules
     * that place things by location. Errors leave everything as it was.
     */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public BoundaryCheck changeBoundary(long gridId, String geojson) {
        Grid grid = gridRepository.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        Geometry boundary = GeoJson.readNew(geojson, grid.getCode());
        BoundaryCheck check = check(grid, boundary, Map.of());
        if (check.ok()) {
            Map<Grid, Geometry> changes = Map.of(grid, boundary);
            store(changes, gridMoves.previewMoves(changes));
        }
        return check;
    }

    /** A boundary checked and, when it passes, what saving it would move (nothing is written). */
    public record BoundaryProposal(BoundaryCheck check, MovePreview moves, String geojson) {
    }

    /**
     * Checks a boundary and computes who would move if it were saved; saves it only when nobody
     * would move or when {@code confirmedToken} is the token of the very same preview (the admin
     * saw these moves for this boundary). Returns whether it was saved.
     */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public BoundaryProposal proposeBoundary(long gridId, String geojson, String confirmedToken) {
        Grid grid = gridRepository.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        Geometry boundary = GeoJson.readNew(geojson, grid.getCode());
        BoundaryCheck check = check(grid, boundary, Map.of());
        String normalised = GeoJson.write(boundary);
        if (!check.ok()) {
            return new BoundaryProposal(check, null, normalised);
        }
        Map<Grid, Geometry> changes = Map.of(grid, boundary);
        MovePreview moves = gridMoves.previewMoves(changes);
        if (moves.isEmpty() || moves.token().equals(confirmedToken)) {
            store(changes, moves);
            return new BoundaryProposal(check, null, normalised);
        }
        return new BoundaryProposal(check, moves, normalised);
    }

    /**
     * Imports boundaries from a GeoJSON FeatureCollection (or one Feature) whose features carry the
     * grid code in a {@code code} property. All features are checked against each other and the
     * stored grids first; one error and nothing is saved.
     */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public BoundaryImportReport importBoundaries(String text) {
        return importBoundaries(text, null, true);
    }

    /**
     * As {@link #importBoundaries(String)}, but when the boundaries would move residents, households
     * or open issues nothing is saved unless {@code confirmedToken} is the token of the same moves
     * (the report then carries the preview to show).
     */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public BoundaryImportReport importBoundaries(String text, String confirmedToken) {
        return importBoundaries(text, confirmedToken, false);
    }

    private BoundaryImportReport importBoundaries(String text, String confirmedToken, boolean withoutPreview) {
        JsonNode root = GeoJson.tree(text);
        List<JsonNode> features = new ArrayList<>();
        if ("FeatureCollection".equals(root.path("type").asString(""))) {
            root.path("features").forEach(features::add);
        } else if ("Feature".equals(root.path("type").asString(""))) {
            features.add(root);
        } else {
            throw new BusinessRuleException("territory.boundary.import.notFeatures");
        }
        if (features.isEmpty()) {
            throw new BusinessRuleException("territory.boundary.import.empty");
        }
        List<BoundaryCheck.Finding> errors = new ArrayList<>();
        Map<Long, Geometry> incoming = new LinkedHashMap<>();
        Map<Long, Grid> byId = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode feature : features) {
            n++;
            String code = feature.path("properties").path("code").asString("").strip();
            Optional<Grid> grid = gridRepository.findByCode(code);
            if (grid.isEmpty() || grid.get().getStatus() != GridStatus.ACTIVE) {
                errors.add(new BoundaryCheck.Finding("territory.boundary.import.unknownCode", code, n));
                continue;
            }
            if (byId.containsKey(grid.get().getId())) {
                errors.add(new BoundaryCheck.Finding("territory.boundary.import.duplicateCode", code, n));
                continue;
            }
            try {
                incoming.put(grid.get().getId(), GeoJson.readNew(feature, code));
                byId.put(grid.get().getId(), grid.get());
            } catch (BusinessRuleException e) {
                errors.add(new BoundaryCheck.Finding(e.messageKey(), e.args()));
            }
        }
        List<BoundaryCheck.Finding> warnings = new ArrayList<>();
        for (Map.Entry<Long, Geometry> e : incoming.entrySet()) {
            BoundaryCheck check = check(byId.get(e.getKey()), e.getValue(), incoming);
            errors.addAll(check.errors());
            warnings.addAll(check.warnings());
        }
        if (!errors.isEmpty()) {
            return new BoundaryImportReport(0, List.copyOf(errors), List.copyOf(warnings), null);
        }
        Map<Grid, Geometry> changes = new LinkedHashMap<>();
        incoming.forEach((id, boundary) -> changes.put(byId.get(id), boundary));
        MovePreview moves = gridMoves.previewMoves(changes);
        if (!withoutPreview && !moves.isEmpty() && !moves.token().equals(confirmedToken)) {
            return new BoundaryImportReport(0, List.of(), List.copyOf(warnings), moves);
        }
        store(changes, moves);
        return new BoundaryImportReport(incoming.size(), List.of(), List.copyOf(warnings), null);
    }

    public List<BoundaryVersion> boundaryHistory(long gridId) {
        dataScope.requireGrid(gridId);
        return jdbc.query("""
                select boundary_geojson, valid_from, valid_to, changed_by from grid_boundary_history
                where grid_id = ? order by valid_to desc""",
                (rs, i) -> new BoundaryVersion(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), (Long) rs.getObject(4)), gridId);
    }

    /** The grid's boundary as a GeoJSON FeatureCollection of one, or 404; a download is audited. */
    public String exportGrid(long gridId, boolean download) {
        GridDetails d = grids.gridDetails(gridId);
        if (download) {
            audit("EXPORT", "GRID", gridId, "geojson");
        }
        // a download is the exact boundary (RFC 7946 orientation); a map gets it simplified when huge
        String shape = download ? GeoJson.rfc7946(d.boundaryGeojson()) : GeoJson.forMap(d.boundaryGeojson(), MAP_ZOOM);
        return GridFeatures.collection(List.of(new GridFeatures.Feature(d.grid(), d.village(), shape)));
    }

    /** The boundaries of every active grid under a node the user may reach, as a FeatureCollection. */
    public String exportSubtree(long regionId) {
        return exportSubtree(regionId, false);
    }

    /** As {@link #exportSubtree(long)}; a download is audited. */
    public String exportSubtree(long regionId, boolean download) {
        return exportSubtree(regionId, download, MAP_ZOOM);
    }

    /** Zoom level maps are served for unless they say: a town's grids fill a screen at about 14. */
    static final int MAP_ZOOM = 14;

    /** The boundaries under a node for a map at a zoom level (huge ones simplified to about a pixel there). */
    public String exportSubtree(long regionId, boolean download, int zoom) {
        RegionSummary node = regions.region(regionId);
        if (download) {
            audit("EXPORT", "REGION", regionId, "grids geojson");
        }
        GridScope scope = dataScope.current();
        Map<Long, RegionSummary> villages = new LinkedHashMap<>();
        List<GridFeatures.Feature> features = new ArrayList<>();
        for (Grid g : gridRepository.findInSubtree(node.path())) {
            if (g.getStatus() == GridStatus.ACTIVE && scope.allowsGrid(g.getId()) && g.getBoundaryGeojson() != null) {
                RegionSummary village = villages.computeIfAbsent(g.getVillageId(),
                        v -> regionRepository.findById(v).orElseThrow().summary());
                features.add(new GridFeatures.Feature(g.summary(), village, download
                        ? GeoJson.rfc7946(g.getBoundaryGeojson()) : GeoJson.forMap(g.getBoundaryGeojson(), zoom)));
            }
        }
        return GridFeatures.collection(features);
    }

    /**
     * Neighbours drawn in the editor: the other active grids of the village, and the grids of any
     * other village or town near the grid, its village or the village's grids (the editor draws
     * those in another style), so that a clash is visible while drawing.
     */
    public String villageNeighbours(long gridId) {
        Grid grid = gridRepository.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        dataScope.requireGrid(gridId);
        Region village = regionRepository.findById(grid.getVillageId()).orElseThrow();
        List<Map.Entry<GridSummary, String>> features = new ArrayList<>();
        org.locationtech.jts.geom.Envelope area = new org.locationtech.jts.geom.Envelope();
        java.util.Set<Long> seen = new java.util.HashSet<>(List.of(gridId));
        for (String shape : new String[] {grid.getBoundaryGeojson(), village.getBoundaryGeojson()}) {
            if (shape != null) {
                area.expandToInclude(GeoJson.read(shape, grid.getCode()).getEnvelopeInternal());
            }
        }
        for (Grid g : gridRepository.findByVillageIdOrderByCode(grid.getVillageId())) {
            if (!g.getId().equals(gridId) && g.getStatus() == GridStatus.ACTIVE && g.getBoundaryGeojson() != null) {
                features.add(Map.entry(g.summary(), GeoJson.forMap(g.getBoundaryGeojson(), 17)));
                seen.add(g.getId());
                area.expandToInclude(GeoJson.read(g.getBoundaryGeojson(), g.getCode()).getEnvelopeInternal());
            }
        }
        if (!area.isNull()) {
            area.expandBy(Math.max(area.getWidth(), area.getHeight()) * 0.25 + 0.002);
            locator.meeting(area).stream().filter(l -> !seen.contains(l.grid().id()))
                    .sorted(Comparator.comparing(l -> l.grid().code())).limit(AROUND_LIMIT)
                    .forEach(l -> features.add(Map.entry(l.grid(), GeoJson.forMap(GeoJson.write(l.boundary()), 17))));
        }
        return features(features);
    }

    /** Most grids a map around a point draws: the neighbourhood of a point, never a county. */
    static final int AROUND_LIMIT = 200;

    /**
     * The active grids the user may reach around a point (the issue form and page draw them, so that
     * a tap on the map makes sense without tiles), nearest first, as a FeatureCollection.
     */
    public String gridsAround(double longitude, double latitude, double radiusDegrees) {
        GridScope scope = dataScope.current();
        double r = Math.min(Math.max(radiusDegrees, 0.001), 0.1);
        org.locationtech.jts.geom.Envelope around = new org.locationtech.jts.geom.Envelope(
                longitude - r, longitude + r, latitude - r, latitude + r);
        org.locationtech.jts.geom.Point centre = GeoJson.WGS84.createPoint(
                new org.locationtech.jts.geom.Coordinate(longitude, latitude));
        List<GridIndex.Located> found = locator.meeting(around).stream()
                .filter(l -> scope.allowsGrid(l.grid().id()))
                .sorted(Comparator.comparingDouble((GridIndex.Located l) -> l.boundary().distance(centre))
                        .thenComparing(l -> l.grid().code()))
                .limit(AROUND_LIMIT).toList();
        return features(found.stream().map(l -> Map.entry(l.grid(), GeoJson.forMap(GeoJson.write(l.boundary()), 16)))
                .toList());
    }

    private String features(List<Map.Entry<GridSummary, String>> gridsWithShapes) {
        Map<Long, RegionSummary> villages = new LinkedHashMap<>();
        for (Region r : regionRepository.findByIdIn(gridsWithShapes.stream().map(e -> e.getKey().villageId()).distinct().toList())) {
            villages.put(r.getId(), r.summary());
        }
        return GridFeatures.collection(gridsWithShapes.stream()
                .map(e -> new GridFeatures.Feature(e.getKey(), villages.get(e.getKey().villageId()), e.getValue()))
                .toList());
    }

    /** The village's own boundary as a GeoJSON geometry, or null when it has none. */
    public String villageBoundary(long villageId) {
        regions.village(villageId);
        return regionRepository.findById(villageId).map(Region::getBoundaryGeojson).orElse(null);
    }

    /**
     * The rules of DOMAIN.md section 1. Overlap is checked against every active grid, of any village
     * or town (the lookup index finds the few whose envelope meets the new boundary), and against
     * the other boundaries of the same import; gaps are a matter of the grid's own village.
     */
    private BoundaryCheck check(Grid grid, Geometry boundary, Map<Long, Geometry> replacing) {
        Map<Long, BoundaryValidator.Neighbour> neighbours = new LinkedHashMap<>();
        Map<Long, String> villageNames = new java.util.HashMap<>();
        org.locationtech.jts.geom.Envelope envelope = boundary.getEnvelopeInternal();
        for (GridIndex.Located other : locator.meeting(envelope)) {
            if (other.grid().id() == grid.getId() || replacing.containsKey(other.grid().id())) {
                continue;
            }
            neighbours.put(other.grid().id(), new BoundaryValidator.Neighbour(other.grid().code(), other.boundary(),
                    other.grid().villageId(), other.grid().villageId() == grid.getVillageId()));
        }
        for (Map.Entry<Long, Geometry> e : replacing.entrySet()) {
            if (e.getKey().equals(grid.getId()) || !e.getValue().isValid()) {
                continue;
            }
            Grid other = gridRepository.findById(e.getKey()).orElseThrow();
            neighbours.put(other.getId(), new BoundaryValidator.Neighbour(other.getCode(), e.getValue(),
                    other.getVillageId(), other.getVillageId().equals(grid.getVillageId())));
        }
        // the village's own grids count for the gaps even when far from the new boundary
        for (Grid other : gridRepository.findByVillageIdOrderByCode(grid.getVillageId())) {
            if (other.getId().equals(grid.getId()) || other.getStatus() != GridStatus.ACTIVE
                    || neighbours.containsKey(other.getId()) || other.getBoundaryGeojson() == null) {
                continue;
            }
            Geometry g = GeoJson.read(other.getBoundaryGeojson(), other.getCode());
            if (g.isValid()) {
                neighbours.put(other.getId(), new BoundaryValidator.Neighbour(other.getCode(), g, other.getVillageId(), true));
            }
        }
        for (Region r : regionRepository.findByIdIn(neighbours.values().stream().map(BoundaryValidator.Neighbour::villageId)
                .distinct().toList())) {
            villageNames.put(r.getId(), r.getName());
        }
        Region village = regionRepository.findById(grid.getVillageId()).orElseThrow();
        villageNames.put(village.getId(), village.getName());
        Geometry villageBoundary = village.getBoundaryGeojson() == null ? null
                : GeoJson.read(village.getBoundaryGeojson(), village.getCode());
        return BoundaryValidator.check(grid.getCode(), boundary, List.copyOf(neighbours.values()), villageBoundary,
                village.getName(), villageNames);
    }

    /**
     * Saves boundaries: each old one goes to the history, valid up to the very instant the new one
     * starts; an identical boundary is no change at all (no history, no event, no audit). Things the
     * change leaves outside every grid are listed as unplaced (they keep their grid meanwhile).
     */
    private void store(Map<Grid, Geometry> changes, MovePreview moves) {
        Instant now = Instant.now();
        Long userId = currentUsers.current().map(u -> u.id()).orElse(null);
        Map<Long, Geometry> changed = new LinkedHashMap<>();
        for (Map.Entry<Grid, Geometry> e : changes.entrySet()) {
            Grid grid = e.getKey();
            String old = grid.getBoundaryGeojson();
            String geojson = GeoJson.write(e.getValue());
            if (geojson.equals(old)) {
                continue;
            }
            if (old != null) {
                Instant since = grid.getBoundarySince();
                jdbc.update("""
                        insert into grid_boundary_history (grid_id, boundary_geojson, valid_from, valid_to, changed_by)
                        values (?, ?, ?, ?, ?)""", grid.getId(), old,
                        java.sql.Timestamp.from(since == null ? grid.getUpdatedAt() : since), java.sql.Timestamp.from(now),
                        userId);
            }
            grid.setBoundaryGeojson(geojson, now);
            gridRepository.saveAndFlush(grid);
            changed.put(grid.getId(), e.getValue());
            events.publishEvent(new GridBoundaryChanged(grid.getId(), grid.getCode(), old, geojson));
            audit("TERRITORY_BOUNDARY_CHANGED", "GRID", grid.getId(), grid.getCode());
        }
        if (!changed.isEmpty()) {
            gridsChanged();
            gridMoves.recordUnplaced(changes);
        }
    }

    /**
     * Residents, households and open issues a boundary change left outside every grid (admin only),
     * oldest first. Those a later change (or a move of their own) placed in a grid again drop out.
     */
    public List<UnplacedThing> unplaced() {
        requireAdmin();
        Map<String, PlacedByLocation> sources = new LinkedHashMap<>();
        placed.forEach(p -> sources.put(p.labelKey(), p));
        List<UnplacedThing> out = new ArrayList<>();
        jdbc.query("select kind, item_id, grid_id, longitude, latitude, label, since from territory_unplaced"
                + " order by since, kind, item_id limit 1000", rs -> {
            double lon = rs.getDouble(4);
            double lat = rs.getDouble(5);
            if (locator.locate(lon, lat).isPresent()) {
                return; // covered again since
            }
            PlacedByLocation source = sources.get(rs.getString(1));
            long id = rs.getLong(2);
            out.add(new UnplacedThing(rs.getString(1), id, rs.getString(6), source == null ? null : source.link(id),
                    directory.find(rs.getLong(3)).orElse(null), lon, lat, rs.getTimestamp(7).toInstant()));
        });
        return out;
    }

    /** The grid table's trigger moves the version on (V55); this instance need not wait to notice. */
    private void gridsChanged() {
        directory.invalidate();
    }

    private void requireAdmin() {
        if (!currentUsers.require().is(Role.ADMIN)) {
            throw new NotFoundException("territory change", "admin only");
        }
    }

    private void audit(String action, String type, Object id, String details) {
        events.publishEvent(AuditEvent.of(action, type, id, details));
    }
}
