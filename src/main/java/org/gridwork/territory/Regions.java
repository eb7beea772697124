package org.gridwork.territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.security.Authorities;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region tree (county, town, village…): finding, browsing and searching its nodes within the
 * current user's subtrees (404 outside them), and the set-up of nodes for demo data and tests.
 */
@Service
@Transactional(readOnly = true)
public class Regions {

    private final RegionRepository regions;
    private final DataScope dataScope;
    private final JdbcTemplate jdbc;
    private final List<GridOccupancy> occupancies;
    private final GridDirectory directory;

    Regions(RegionRepository regions, DataScope dataScope, JdbcTemplate jdbc, List<GridOccupancy> occupancies,
            GridDirectory directory) {
        this.regions = regions;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
        this.occupancies = occupancies;
        this.directory = directory;
    }

    // ---- set-up helpers (demo data, other modules' tests) ----

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

    // ---- reads ----

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

    /** A village the current user may reach, or 404 (also when the node is not a village). */
    RegionSummary village(long villageId) {
        RegionSummary village = region(villageId);
        if (village.level() != RegionLevel.VILLAGE) {
            throw new NotFoundException("village", villageId);
        }
        return village;
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
        dataScope.requireGrid(gridId);
        GridSummary grid = directory.find(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
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

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
