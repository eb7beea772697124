package org.gridwork.territory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Works out the town → village → grid choices of a list screen from the caller's grids (see
 * {@link AreaChoices}). Region codes nest (town 9 digits, village 12, grid = village code + "-nnn"),
 * so the hierarchy comes from the grids' codes; the regions' names come from the grid directory.
 */
@Component
public class AreaFilter {

    private final TerritoryService territory;
    private final GridDirectory directory;
    /** A select with more options than this is hard to use and slow to render: narrow it first. */
    private final int maxOptions;

    AreaFilter(TerritoryService territory, GridDirectory directory,
            @Value("${gridwork.area-filter.max-options:60}") int maxOptions) {
        this.territory = territory;
        this.directory = directory;
        this.maxOptions = maxOptions;
    }

    public AreaChoices choices(Long townId, Long villageId, Long gridId) {
        List<GridSummary> grids = territory.gridsInScope();
        Set<String> codes = new LinkedHashSet<>();
        for (GridSummary g : grids) {
            codes.add(townCode(g.code()));
            codes.add(villageCode(g.code()));
        }
        Map<String, RegionSummary> all = directory.areas();
        Map<String, RegionSummary> regions = new java.util.TreeMap<>();
        for (String code : codes) {
            RegionSummary r = all.get(code);
            if (r != null) {
                regions.put(code, r);
            }
        }
        Map<Long, RegionSummary> byId = regions.values().stream()
                .collect(Collectors.toMap(RegionSummary::id, Function.identity()));
        // a grid implies its village, a village its town; ids outside the caller's grids are ignored
        GridSummary grid = gridId == null ? null
                : grids.stream().filter(g -> g.id() == gridId).findFirst().orElse(null);
        RegionSummary village = grid != null ? regions.get(villageCode(grid.code()))
                : villageId == null ? null : byId.get(villageId);
        if (village != null && village.level() != RegionLevel.VILLAGE) {
            village = null;
        }
        RegionSummary town = village != null ? regions.get(village.code().substring(0, 9))
                : townId == null ? null : byId.get(townId);
        if (town != null && town.level() != RegionLevel.TOWN) {
            town = null;
        }
        List<RegionSummary> towns = regions.values().stream().filter(r -> r.level() == RegionLevel.TOWN).toList();
        List<RegionSummary> allVillages = regions.values().stream()
                .filter(r -> r.level() == RegionLevel.VILLAGE).toList();
        // the lower selects list what lies under the region chosen above them (or the only one there
        // is); a village's grids and a town's villages are always few enough, anything wider may not be
        RegionSummary villageParent = town != null ? town : towns.size() == 1 ? towns.get(0) : null;
        List<RegionSummary> villages = villageParent == null ? allVillages
                : under(allVillages, villageParent.code(), RegionSummary::code);
        if (villageParent == null && villages.size() > maxOptions) {
            villages = List.of();
        }
        RegionSummary gridParent = village != null ? village
                : allVillages.size() == 1 ? allVillages.get(0) : villageParent;
        List<GridSummary> offered = gridParent == null ? grids : under(grids, gridParent.code(), GridSummary::code);
        if ((gridParent == null || gridParent.level() != RegionLevel.VILLAGE) && offered.size() > maxOptions) {
            offered = List.of();
        }
        Map<Long, String> names = new HashMap<>(grids.size() * 2);
        grids.forEach(g -> names.put(g.id(), g.label()));
        return new AreaChoices(towns.size() > 1 ? towns : List.of(), villages.size() > 1 ? villages : List.of(),
                offered, town == null ? null : town.id(), village == null ? null : village.id(),
                grid == null ? null : grid.id(), names);
    }

    private static <T> List<T> under(List<T> items, String prefix, Function<T, String> code) {
        return items.stream().filter(i -> code.apply(i).startsWith(prefix)).toList();
    }

    private static String townCode(String gridCode) {
        return gridCode.substring(0, 9);
    }

    private static String villageCode(String gridCode) {
        return gridCode.substring(0, 12);
    }
}
