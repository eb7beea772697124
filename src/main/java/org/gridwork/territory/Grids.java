package org.gridwork.territory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.security.Authorities;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grids, the smallest units of the territory: finding them within the current user's scope
 * (404 outside it), naming them as people do, and their life from creation to archiving (for
 * admins). Their shapes are {@link Boundaries}' business.
 */
@Service
@Transactional(readOnly = true)
public class Grids {

    private static final Pattern GRID_CODE = Pattern.compile("\\d{12}-\\d{3}");

    private final RegionRepository regionRepository;
    private final GridRepository grids;
    private final DataScope dataScope;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final List<GridOccupancy> occupancies;
    private final GridDirectory directory;
    private final Regions regions;
    private final StaffAssignments staff;
    private final GridMoves moves;

    Grids(RegionRepository regionRepository, GridRepository grids, DataScope dataScope, JdbcTemplate jdbc,
            ApplicationEventPublisher events, List<GridOccupancy> occupancies, GridDirectory directory,
            Regions regions, StaffAssignments staff, GridMoves moves) {
        this.regionRepository = regionRepository;
        this.grids = grids;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
        this.events = events;
        this.occupancies = occupancies;
        this.directory = directory;
        this.regions = regions;
        this.staff = staff;
        this.moves = moves;
    }

    /** Set-up helper (demo data, other modules' tests): a grid with its boundary, unchecked. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public GridSummary createGrid(String villageCode, int sequence, String name, String boundaryGeojson) {
        Region village = regionRepository.findByCode(villageCode)
                .orElseThrow(() -> new NotFoundException("region", villageCode));
        Grid grid = new Grid(villageCode + "-" + String.format("%03d", sequence), name, village, null);
        grid.setBoundaryGeojson(boundaryGeojson);
        Grid saved = grids.save(grid);
        gridsChanged();
        events.publishEvent(new GridBoundaryChanged(saved.getId(), saved.getCode(), null, boundaryGeojson));
        return saved.summary();
    }

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
        Region village = regionRepository.findById(grid.getVillageId()).orElseThrow();
        return new GridDetails(grid.summary(), grid.getDescription(), village.summary(), grid.getBoundaryGeojson(),
                grid.getBoundarySince(), staff.staffOf(id), grid.getVersion());
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

    public List<GridSummary> gridsOfVillage(long villageId) {
        regions.village(villageId);
        GridScope scope = dataScope.current();
        return grids.findByVillageIdOrderByCode(villageId).stream()
                .filter(g -> g.getStatus() == GridStatus.ACTIVE && scope.allowsGrid(g.getId()))
                .map(Grid::summary).toList();
    }

    /** The next free code of a village: its code, a dash and the next 3-digit sequence. */
    public String proposeGridCode(long villageId) {
        RegionSummary village = regions.village(villageId);
        Integer max = jdbc.queryForObject(
                "select max(cast(substring(code from 14 for 3) as int)) from grid where village_id = ?",
                Integer.class, villageId);
        return village.code() + "-" + String.format("%03d", max == null ? 1 : max + 1);
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public GridSummary createGrid(long villageId, String code, String name, String description) {
        RegionSummary village = regions.village(villageId);
        if (!GRID_CODE.matcher(code).matches() || !code.startsWith(village.code() + "-")) {
            throw new BusinessRuleException("territory.grid.error.code", code, village.code());
        }
        if (grids.findByCode(code).isPresent()) {
            throw new BusinessRuleException("territory.grid.error.duplicate", code);
        }
        Region region = regionRepository.findById(villageId).orElseThrow();
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
        MovePreview preview = archiveGrid(id, null);
        if (preview != null) {
            archiveGrid(id, preview.token());
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
        MovePreview preview = moves.previewMoves(changes);
        if (!preview.isEmpty() && !preview.token().equals(confirmedToken)) {
            return preview;
        }
        String old = grid.getBoundaryGeojson();
        moves.recordUnplaced(changes);
        grid.archive();
        gridsChanged();
        events.publishEvent(new GridBoundaryChanged(id, grid.getCode(), old, null));
        audit("TERRITORY_GRID_ARCHIVED", "GRID", id, grid.getCode());
        return null;
    }

    /** The grid table's trigger moves the version on (V55); this instance need not wait to notice. */
    private void gridsChanged() {
        directory.invalidate();
    }

    private void audit(String action, String type, Object id, String details) {
        events.publishEvent(AuditEvent.of(action, type, id, details));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
