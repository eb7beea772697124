package org.gridwork.territory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Regions, grids, their boundaries and who looks after them: the territory module's API. Every
 * read is filtered by the current user's data scope (404 outside it); changes are for admins,
 * except the demo-data helpers at the top, which run before anyone logs in.
 */
@Service
@Transactional(readOnly = true)
public class TerritoryService {

    private static final Pattern GRID_CODE = Pattern.compile("\\d{12}-\\d{3}");

    private final RegionRepository regions;
    private final GridRepository grids;
    private final DataScope dataScope;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final CurrentUsers currentUsers;
    private final AccountService accounts;
    private final List<GridOccupancy> occupancies;
    private final GridDirectory directory;
    private final GridLocator locator;
    private final List<PlacedByLocation> placed;

    TerritoryService(RegionRepository regions, GridRepository grids, DataScope dataScope, JdbcTemplate jdbc,
            ApplicationEventPublisher events, CurrentUsers currentUsers, AccountService accounts,
            List<GridOccupancy> occupancies, GridDirectory directory, GridLocator locator,
            List<PlacedByLocation> placed) {
        this.directory = directory;
        this.locator = locator;
        this.placed = placed;
        this.regions = regions;
        this.grids = grids;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
        this.events = events;
        this.currentUsers = currentUsers;
        this.accounts = accounts;
        this.occupancies = occupancies;
    }

    // ---- set-up helpers (demo data, other modules' tests): no user needed ----

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public RegionSummary createRegion(String code, String name, RegionLevel level, String parentCode) {
        Region parent = parentCode == null || parentCode.isBlank() ? null
                : regions.findByCode(parentCode).orElseThrow(() -> new NotFoundException("region", parentCode));
        return regions.save(new Region(code, name, level, parent)).summary();
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void setRegionBoundary(String code, String geojson) {
        regions.findByCode(code).orElseThrow(() -> new NotFoundException("region", code)).setBoundaryGeojson(geojson);
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public GridSummary createGrid(String villageCode, int sequence, String name, String boundaryGeojson) {
        Region village = regions.findByCode(villageCode).orElseThrow(() -> new NotFoundException("region", villageCode));
        Grid grid = new Grid(villageCode + "-" + String.format("%03d", sequence), name, village, null);
        grid.setBoundaryGeojson(boundaryGeojson);
        Grid saved = grids.save(grid);
        gridsChanged();
        events.publishEvent(new GridBoundaryChanged(saved.getId(), saved.getCode(), null, boundaryGeojson));
        return saved.summary();
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void assignStaff(long gridId, long userId) {
        requireRole(userId, Role.GRID_STAFF);
        grids.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        jdbc.update("insert into grid_staff(grid_id, user_id) values (?, ?) on conflict do nothing", gridId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_STAFF_ASSIGNED", "GRID", gridId, person(userId) + " → " + gridName(gridId));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void assignSupervisor(long regionId, long userId) {
        requireRole(userId, Role.SUPERVISOR);
        regions.findById(regionId).orElseThrow(() -> new NotFoundException("region", regionId));
        jdbc.update("insert into region_supervisor(region_id, user_id) values (?, ?) on conflict do nothing",
                regionId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_SUPERVISOR_ASSIGNED", "REGION", regionId, person(userId) + " → " + regionName(regionId));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void unassignStaff(long gridId, long userId) {
        jdbc.update("delete from grid_staff where grid_id = ? and user_id = ?", gridId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_STAFF_UNASSIGNED", "GRID", gridId, person(userId) + " ✕ " + gridName(gridId));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void unassignSupervisor(long regionId, long userId) {
        jdbc.update("delete from region_supervisor where region_id = ? and user_id = ?", regionId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_SUPERVISOR_UNASSIGNED", "REGION", regionId, person(userId) + " ✕ " + regionName(regionId));
    }

    public List<Long> staffOf(long gridId) {
        dataScope.requireGrid(gridId);
        return jdbc.queryForList("select user_id from grid_staff where grid_id = ? order by user_id", Long.class, gridId);
    }

    /** Grids assigned to a grid staff member (admin screens). */
    public List<GridSummary> gridsOfStaff(long userId) {
        List<Long> ids = jdbc.queryForList("select grid_id from grid_staff where user_id = ?", Long.class, userId);
        return grids.findByIdInOrderByCode(ids).stream().map(Grid::summary).toList();
    }

    /** Region nodes a supervisor watches over (admin screens). */
    public List<RegionSummary> regionsOfSupervisor(long userId) {
        List<Long> ids = jdbc.queryForList("select region_id from region_supervisor where user_id = ?", Long.class, userId);
        return regions.findByIdIn(ids).stream().map(Region::summary)
                .sorted(Comparator.comparing(RegionSummary::code)).toList();
    }

    // ---- regions ----

    public Optional<RegionSummary> findRegionByCode(String code) {
        return regions.findByCode(code).map(Region::summary);
    }

    /** One region node, or 404 when it lies outside the current user's subtrees. */
    public RegionSummary region(long id) {
        Region region = regions.findById(id).orElseThrow(() -> new NotFoundException("region", id));
        if (!dataScope.current().allowsRegionPath(region.getPath())) {
            throw new NotFoundException("region", id);
        }
        return region.summary();
    }

    /** Where browsing starts: the top nodes for admins, the assigned nodes for supervisors. */
    public List<RegionSummary> roots() {
        GridScope scope = dataScope.current();
        if (scope.unrestricted()) {
            return regions.findByParentIdIsNullOrderByCode().stream().map(Region::summary).toList();
        }
        List<RegionSummary> found = new ArrayList<>();
        for (String path : scope.regionPaths()) {
            regions.findByPath(path).map(Region::summary).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(RegionSummary::code));
        return found;
    }

    /** Direct children of a node (for trees and filters), scope-checked. */
    public List<RegionSummary> children(long regionId) {
        region(regionId);
        return regions.findByParentIdOrderByCode(regionId).stream().map(Region::summary).toList();
    }

    /** The nodes from the top of the user's reach down to this one (breadcrumbs, filters). */
    public List<RegionSummary> regionPath(long regionId) {
        return ancestors(region(regionId));
    }

    /** The reachable nodes above a grid (breadcrumbs of the grid card; none for grid staff). */
    public List<RegionSummary> regionPathOfGrid(long gridId) {
        GridSummary grid = grid(gridId);
        return ancestors(regions.findById(grid.villageId()).orElseThrow().summary());
    }

    private List<RegionSummary> ancestors(RegionSummary node) {
        GridScope scope = dataScope.current();
        List<String> codes = List.of(node.path().substring(1).split("/"));
        Map<String, RegionSummary> byCode = new LinkedHashMap<>();
        for (Region r : regions.findByCodeIn(codes)) {
            byCode.put(r.getCode(), r.summary());
        }
        return codes.stream().map(byCode::get).filter(r -> r != null && scope.allowsRegionPath(r.path())).toList();
    }

    /** Children with their counts for the browse tree. */
    public List<RegionNode> childNodes(long regionId) {
        return nodes(children(regionId));
    }

    public List<RegionNode> nodes(List<RegionSummary> list) {
        List<RegionNode> result = new ArrayList<>();
        for (RegionSummary r : list) {
            long children = jdbc.queryForObject("select count(*) from region where parent_id = ?", Long.class, r.id());
            long gridCount = jdbc.queryForObject(
                    "select count(*) from grid where region_path like ? and status = 'ACTIVE'", Long.class, r.path() + "%");
            long staff = jdbc.queryForObject("""
                    select count(distinct s.user_id) from grid_staff s join grid g on g.id = s.grid_id
                    where g.region_path like ? and g.status = 'ACTIVE'""", Long.class, r.path() + "%");
            result.add(new RegionNode(r, children, gridCount, staff));
        }
        return result;
    }

    /** Counts other modules keep per node (residents, open issues), by their label key. */
    public Map<String, Long> occupancy(Collection<Long> gridIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (GridOccupancy o : occupancies) {
            counts.put(o.labelKey(), gridIds.isEmpty() ? 0 : o.count(gridIds));
        }
        return counts;
    }

    /** Regions by name (anywhere in it) or code (prefix), inside the user's subtrees. */
    public Page<RegionSummary> searchRegions(String query, Pageable pageable) {
        GridScope scope = dataScope.current();
        if (query == null || query.isBlank() || (!scope.unrestricted() && scope.regionPaths().isEmpty())) {
            return Page.empty(pageable);
        }
        String q = query.strip();
        List<String> paths = scope.unrestricted() ? List.of("/") : scope.regionPaths();
        StringBuilder where = new StringBuilder("(name like ? or code like ?) and (");
        List<Object> args = new ArrayList<>(List.of("%" + escapeLike(q) + "%", escapeLike(q) + "%"));
        for (int i = 0; i < paths.size(); i++) {
            where.append(i > 0 ? " or " : "").append("path like ?");
            args.add(paths.get(i) + "%");
        }
        where.append(")");
        long total = jdbc.queryForObject("select count(*) from region where " + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<RegionSummary> page = jdbc.query("select id, code, name, level, parent_id, path from region where " + where
                        + " order by length(code), code limit ? offset ?",
                (rs, i) -> new RegionSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        RegionLevel.valueOf(rs.getString("level")), (Long) rs.getObject("parent_id"), rs.getString("path")),
                args.toArray());
        return new PageImpl<>(page, pageable, total);
    }

    /** One choice of the area picker: the code to submit and what the user reads. */
    public record AreaOption(String value, String label, String level) {
    }

    /** Most choices the area picker offers at once: a short list, however large the tree. */
    public static final int AREA_PICKER_LIMIT = 20;

    /**
     * The area picker's choices (search as you type over the JSON endpoint): grids by code prefix
     * or name, or region nodes by code prefix or name, always within the user's scope and at most
     * {@link #AREA_PICKER_LIMIT}, so that no screen lists the national tree.
     */
    public List<AreaOption> searchAreas(String query, boolean grids) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (grids) {
            return gridsInScope().stream()
                    // by code, by name or by the pinyin initials of the grid's name with its village's (hkyc → 侯口一村)
                    .filter(g -> g.code().startsWith(q) || org.gridwork.shared.text.PinyinMatch.matches(directory.placeName(g), q))
                    .limit(AREA_PICKER_LIMIT)
                    .map(g -> new AreaOption(g.code(), directory.placeName(g) + " " + g.code(), "GRID")).toList();
        }
        return searchRegions(q, org.springframework.data.domain.PageRequest.of(0, AREA_PICKER_LIMIT)).getContent().stream()
                .map(r -> new AreaOption(r.code(), r.name() + " " + r.code(), r.level().name())).toList();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---- grids ----

    public Optional<GridSummary> findGridByCode(String code) {
        return grids.findByCode(code).map(Grid::summary);
    }

    /** A grid as people name it: its name with its village's (see {@link GridDirectory#placeName}). */
    public String placeName(GridSummary grid) {
        return directory.placeName(grid);
    }

    /** The same by grid code (lists that carry the code only); an unknown code comes back as it is. */
    public String placeName(String gridCode) {
        return directory.placeName(gridCode);
    }

    /** Grids the current user may reach, by code. */
    @Transactional(propagation = Propagation.SUPPORTS) // memory and one small query: no transaction to open
    public List<GridSummary> gridsInScope() {
        GridScope scope = dataScope.current();
        return scope.unrestricted() ? directory.all() : directory.of(scope.gridIds());
    }

    /** One grid, or 404 when it does not exist or lies outside the current user's scope. */
    public GridSummary grid(long id) {
        dataScope.requireGrid(id);
        return directory.find(id).orElseThrow(() -> new NotFoundException("grid", id));
    }

    public GridDetails gridDetails(long id) {
        dataScope.requireGrid(id);
        Grid grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid", id));
        Region village = regions.findById(grid.getVillageId()).orElseThrow();
        return new GridDetails(grid.summary(), grid.getDescription(), village.summary(), grid.getBoundaryGeojson(),
                grid.getBoundarySince(), staffOf(id), grid.getVersion());
    }

    /** Active grids under a region path the current user may reach, by code. */
    public List<GridSummary> gridsUnder(String regionPath) {
        GridScope scope = dataScope.current();
        return grids.findInSubtree(regionPath).stream()
                .filter(g -> g.getStatus() == GridStatus.ACTIVE && scope.allowsGrid(g.getId()))
                .map(Grid::summary).toList();
    }

    /** Ids of the active grids under a region path that the current user may reach (list filters). */
    public Set<Long> gridIdsUnder(String regionPath) {
        return Set.copyOf(gridsUnder(regionPath).stream().map(GridSummary::id).toList());
    }

    /** The next free code of a village: its code, a dash and the next 3-digit sequence. */
    public String proposeGridCode(long villageId) {
        RegionSummary village = village(villageId);
        Integer max = jdbc.queryForObject(
                "select max(cast(substring(code from 14 for 3) as int)) from grid where village_id = ?",
                Integer.class, villageId);
        return village.code() + "-" + String.format("%03d", max == null ? 1 : max + 1);
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public GridSummary createGrid(long villageId, String code, String name, String description) {
        RegionSummary village = village(villageId);
        if (!GRID_CODE.matcher(code).matches() || !code.startsWith(village.code() + "-")) {
            throw new BusinessRuleException("territory.grid.error.code", code, village.code());
        }
        if (grids.findByCode(code).isPresent()) {
            throw new BusinessRuleException("territory.grid.error.duplicate", code);
        }
        Region region = regions.findById(villageId).orElseThrow();
        Grid saved = grids.save(new Grid(code, name.strip(), region, blankToNull(description)));
        gridsChanged();
        audit("TERRITORY_GRID_CREATED", "GRID", saved.getId(), code);
        return saved.summary();
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void describeGrid(long id, String name, String description, long expectedVersion) {
        Grid grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid", id));
        if (grid.getVersion() != expectedVersion) {
            throw new org.springframework.dao.OptimisticLockingFailureException("grid " + id + " changed");
        }
        grid.describe(name.strip(), blankToNull(description));
        gridsChanged();
        audit("TERRITORY_GRID_CHANGED", "GRID", id, grid.getCode());
    }

    /** Archives a grid with whatever moves that makes (callers that preview nothing: tests, scripts). */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void archiveGrid(long id) {
        MovePreview moves = archiveGrid(id, null);
        if (moves != null) {
            archiveGrid(id, moves.token());
        }
    }

    /**
     * Archives a grid as a boundary save is saved: refused while a module's {@link GridOccupancy}
     * blocks it; otherwise what would lose the grid (residents, households, open issues placed in
     * it by location) is shown first, as the move preview of a boundary save, and the grid is archived
     * only when {@code confirmedToken} is that preview's token. Returns the preview when nothing
     * was written, null once archived. What is left outside every grid joins the unplaced list.
     */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public MovePreview archiveGrid(long id, String confirmedToken) {
        Grid grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid", id));
        if (grid.getStatus() == GridStatus.ARCHIVED) {
            return null;
        }
        for (GridOccupancy o : occupancies) {
            long n = o.count(List.of(id));
            if (o.blocksArchive() && n > 0) {
                throw new BusinessRuleException("territory.grid.error.occupied", grid.getCode(), n, o.labelKey());
            }
        }
        // archived = no boundary any more: the same preview as a redrawn grid covering nothing
        Map<Grid, Geometry> changes = Map.of(grid, GeoJson.WGS84.createPolygon());
        MovePreview moves = previewMoves(changes);
        if (!moves.isEmpty() && !moves.token().equals(confirmedToken)) {
            return moves;
        }
        String old = grid.getBoundaryGeojson();
        recordUnplaced(changes);
        grid.archive();
        gridsChanged();
        events.publishEvent(new GridBoundaryChanged(id, grid.getCode(), old, null));
        audit("TERRITORY_GRID_ARCHIVED", "GRID", id, grid.getCode());
        return null;
    }

    /** Checks a boundary without saving it (the editor's "check" button and the import preview). */
    public BoundaryCheck checkBoundary(long gridId, String geojson) {
        dataScope.requireGrid(gridId);
        Grid grid = grids.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
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
        Grid grid = grids.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        Geometry boundary = GeoJson.readNew(geojson, grid.getCode());
        BoundaryCheck check = check(grid, boundary, Map.of());
        if (check.ok()) {
            Map<Grid, Geometry> changes = Map.of(grid, boundary);
            store(changes, previewMoves(changes));
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
        Grid grid = grids.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        Geometry boundary = GeoJson.readNew(geojson, grid.getCode());
        BoundaryCheck check = check(grid, boundary, Map.of());
        String normalised = GeoJson.write(boundary);
        if (!check.ok()) {
            return new BoundaryProposal(check, null, normalised);
        }
        Map<Grid, Geometry> changes = Map.of(grid, boundary);
        MovePreview moves = previewMoves(changes);
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
            Optional<Grid> grid = grids.findByCode(code);
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
        MovePreview moves = previewMoves(changes);
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
        GridDetails d = gridDetails(gridId);
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
        RegionSummary node = region(regionId);
        if (download) {
            audit("EXPORT", "REGION", regionId, "grids geojson");
        }
        GridScope scope = dataScope.current();
        Map<Long, RegionSummary> villages = new LinkedHashMap<>();
        List<GridFeatures.Feature> features = new ArrayList<>();
        for (Grid g : grids.findInSubtree(node.path())) {
            if (g.getStatus() == GridStatus.ACTIVE && scope.allowsGrid(g.getId()) && g.getBoundaryGeojson() != null) {
                RegionSummary village = villages.computeIfAbsent(g.getVillageId(),
                        v -> regions.findById(v).orElseThrow().summary());
                features.add(new GridFeatures.Feature(g.summary(), village, download
                        ? GeoJson.rfc7946(g.getBoundaryGeojson()) : GeoJson.forMap(g.getBoundaryGeojson(), zoom)));
            }
        }
        return GridFeatures.collection(features);
    }

    public List<GridSummary> gridsOfVillage(long villageId) {
        village(villageId);
        GridScope scope = dataScope.current();
        return grids.findByVillageIdOrderByCode(villageId).stream()
                .filter(g -> g.getStatus() == GridStatus.ACTIVE && scope.allowsGrid(g.getId()))
                .map(Grid::summary).toList();
    }

    /**
     * Neighbours drawn in the editor: the other active grids of the village, and the grids of any
     * other village or town near the grid, its village or the village's grids (the editor draws
     * those in another style), so that a clash is visible while drawing.
     */
    public String villageNeighbours(long gridId) {
        Grid grid = grids.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        dataScope.requireGrid(gridId);
        Region village = regions.findById(grid.getVillageId()).orElseThrow();
        List<Map.Entry<GridSummary, String>> features = new ArrayList<>();
        org.locationtech.jts.geom.Envelope area = new org.locationtech.jts.geom.Envelope();
        java.util.Set<Long> seen = new java.util.HashSet<>(List.of(gridId));
        for (String shape : new String[] {grid.getBoundaryGeojson(), village.getBoundaryGeojson()}) {
            if (shape != null) {
                area.expandToInclude(GeoJson.read(shape, grid.getCode()).getEnvelopeInternal());
            }
        }
        for (Grid g : grids.findByVillageIdOrderByCode(grid.getVillageId())) {
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
        for (Region r : regions.findByIdIn(gridsWithShapes.stream().map(e -> e.getKey().villageId()).distinct().toList())) {
            villages.put(r.getId(), r.summary());
        }
        return GridFeatures.collection(gridsWithShapes.stream()
                .map(e -> new GridFeatures.Feature(e.getKey(), villages.get(e.getKey().villageId()), e.getValue()))
                .toList());
    }

    /** The village's own boundary as a GeoJSON geometry, or null when it has none. */
    public String villageBoundary(long villageId) {
        village(villageId);
        return regions.findById(villageId).map(Region::getBoundaryGeojson).orElse(null);
    }

    // ---- internals ----

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
            Grid other = grids.findById(e.getKey()).orElseThrow();
            neighbours.put(other.getId(), new BoundaryValidator.Neighbour(other.getCode(), e.getValue(),
                    other.getVillageId(), other.getVillageId().equals(grid.getVillageId())));
        }
        // the village's own grids count for the gaps even when far from the new boundary
        for (Grid other : grids.findByVillageIdOrderByCode(grid.getVillageId())) {
            if (other.getId().equals(grid.getId()) || other.getStatus() != GridStatus.ACTIVE
                    || neighbours.containsKey(other.getId()) || other.getBoundaryGeojson() == null) {
                continue;
            }
            Geometry g = GeoJson.read(other.getBoundaryGeojson(), other.getCode());
            if (g.isValid()) {
                neighbours.put(other.getId(), new BoundaryValidator.Neighbour(other.getCode(), g, other.getVillageId(), true));
            }
        }
        for (Region r : regions.findByIdIn(neighbours.values().stream().map(BoundaryValidator.Neighbour::villageId)
                .distinct().toList())) {
            villageNames.put(r.getId(), r.getName());
        }
        Region village = regions.findById(grid.getVillageId()).orElseThrow();
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
            grids.saveAndFlush(grid);
            changed.put(grid.getId(), e.getValue());
            events.publishEvent(new GridBoundaryChanged(grid.getId(), grid.getCode(), old, geojson));
            audit("TERRITORY_BOUNDARY_CHANGED", "GRID", grid.getId(), grid.getCode());
        }
        if (!changed.isEmpty()) {
            gridsChanged();
            recordUnplaced(changes);
        }
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

    /** Things of the changed area now outside every grid join the list; those placed again leave it. */
    private void recordUnplaced(Map<Grid, Geometry> changes) {
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

    private static String sha256(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grid table's trigger moves the version on (V55); this instance need not wait to notice. */
    private void gridsChanged() {
        directory.invalidate();
    }

    private RegionSummary village(long villageId) {
        RegionSummary village = region(villageId);
        if (village.level() != RegionLevel.VILLAGE) {
            throw new NotFoundException("village", villageId);
        }
        return village;
    }

    private void requireAdmin() {
        if (!currentUsers.require().is(Role.ADMIN)) {
            throw new NotFoundException("territory change", "admin only");
        }
    }

    private void requireRole(long userId, Role role) {
        UserSummary user = accounts.findUser(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (user.role() != role) {
            throw new BusinessRuleException("territory.staff.error.role", user.username());
        }
    }

    /** The audit line names people and places as a reader knows them ("王芳 (staff)"), not "user=3". */
    private String person(long userId) {
        return accounts.findUser(userId).map(u -> u.displayName() + " (" + u.username() + ")").orElse("#" + userId);
    }

    private String gridName(long gridId) {
        return directory.find(gridId).map(g -> directory.placeName(g) + " " + g.code()).orElse("#" + gridId);
    }

    private String regionName(long regionId) {
        return regions.findById(regionId).map(r -> r.getName() + " " + r.getCode()).orElse("#" + regionId);
    }

    private void audit(String action, String type, Object id, String details) {
        events.publishEvent(AuditEvent.of(action, type, id, details));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
