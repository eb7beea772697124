package org.gridwork.territory;

import java.util.List;
import java.util.Optional;

import org.gridwork.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regions, grids and who looks after them: the territory module's API. */
@Service
@Transactional(readOnly = true)
public class TerritoryService {

    private final RegionRepository regions;
    private final GridRepository grids;
    private final DataScope dataScope;
    private final JdbcTemplate jdbc;

    TerritoryService(RegionRepository regions, GridRepository grids, DataScope dataScope, JdbcTemplate jdbc) {
        this.regions = regions;
        this.grids = grids;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
    }

    @Transactional
    public RegionSummary createRegion(String code, String name, RegionLevel level, String parentCode) {
        Region parent = parentCode == null || parentCode.isBlank() ? null
                : regions.findByCode(parentCode).orElseThrow(() -> new NotFoundException("region", parentCode));
        return regions.save(new Region(code, name, level, parent)).summary();
    }

    @Transactional
    public void setRegionBoundary(String code, String geojson) {
        regions.findByCode(code).orElseThrow(() -> new NotFoundException("region", code)).setBoundaryGeojson(geojson);
    }

    @Transactional
    public GridSummary createGrid(String villageCode, int sequence, String name, String boundaryGeojson) {
        Region village = regions.findByCode(villageCode).orElseThrow(() -> new NotFoundException("region", villageCode));
        Grid grid = new Grid(villageCode + "-" + String.format("%03d", sequence), name, village, null);
        grid.setBoundaryGeojson(boundaryGeojson);
        return grids.save(grid).summary();
    }

    @Transactional
    public void assignStaff(long gridId, long userId) {
        jdbc.update("insert into grid_staff(grid_id, user_id) values (?, ?) on conflict do nothing", gridId, userId);
    }

    @Transactional
    public void assignSupervisor(long regionId, long userId) {
        jdbc.update("insert into region_supervisor(region_id, user_id) values (?, ?) on conflict do nothing",
                regionId, userId);
    }

    public Optional<RegionSummary> findRegionByCode(String code) {
        return regions.findByCode(code).map(Region::summary);
    }

    public Optional<GridSummary> findGridByCode(String code) {
        return grids.findByCode(code).map(Grid::summary);
    }

    /** Grids the current user may reach, by code. */
    public List<GridSummary> gridsInScope() {
        GridScope scope = dataScope.current();
        List<Grid> found = scope.unrestricted() ? grids.findAll().stream()
                .sorted((a, b) -> a.getCode().compareTo(b.getCode())).toList()
                : grids.findByIdInOrderByCode(scope.gridIds());
        return found.stream().map(Grid::summary).toList();
    }

    /** One grid, or 404 when it does not exist or lies outside the current user's scope. */
    public GridSummary grid(long id) {
        dataScope.requireGrid(id);
        return grids.findById(id).map(Grid::summary).orElseThrow(() -> new NotFoundException("grid", id));
    }
}
