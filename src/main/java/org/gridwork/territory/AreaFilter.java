package org.gridwork.territory;

import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Works out the town → village → grid choices of a list screen from the caller's grids (see
 * {@link AreaChoices}). Region codes nest (town 9 digits, village 12, grid = village code + "-nnn"),
 * so the hierarchy comes from the grids' codes; the regions' names come from the grid directory.
 */
@org.springframework.boot.context.properties.EnableConfigurationProperties(AreaFilterSettings.class)
@Component
public class AreaFilter {

    private final Grids territoryGrids;
    private final GridDirectory directory;
    /** A select with more options than this is hard to use and slow to render: narrow it first. */
    private final int maxOptions;

    AreaFilter(Grids territoryGrids, GridDirectory directory, AreaFilterSettings settings) {
        this.territoryGrids = territoryGrids;
        this.directory = directory;
        this.maxOptions = settings.maxOptions();
    }

    public AreaChoices choices(Long townId, Long villageId, Long gridId) {
        List<GridSummary> grids = territoryGrids.gridsInScope();
        // the directory hands out the same list for the same scope: known by identity, not by 2,000 hash codes
        Areas areas = directory.remember("area-filter", new SameList(grids), () -> Areas.of(grids, directory.areas()));
        // a grid implies its village, a village its town; ids outside the caller's grids are ignored
        GridSummary grid = gridId == null ? null
                : grids.stream().filter(g -> g.id() == gridId).findFirst().orElse(null);
        RegionSummary village = grid != null ? areas.regions().get(villageCode(grid.code()))
                : villageId == null ? null : areas.byId().get(villageId);
        if (village != null && village.level() != RegionLevel.VILLAGE) {
            village = null;
        }
        RegionSummary town = village != null ? areas.regions().get(village.code().substring(0, 9))
                : townId == null ? null : areas.byId().get(townId);
        if (town != null && town.level() != RegionLevel.TOWN) {
            town = null;
        }
        List<RegionSummary> towns = areas.towns();
        List<RegionSummary> allVillages = areas.villages();
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
        return new AreaChoices(towns.size() > 1 ? towns : List.of(), villages.size() > 1 ? villages : List.of(),
                offered, town == null ? null : town.id(), village == null ? null : village.id(),
                grid == null ? null : grid.id(), areas.gridNames());
    }

    private record SameList(List<GridSummary> list) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SameList other && other.list == list;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(list);
        }
    }

    /** The towns and villages of a set of grids, and the grids' labels: the same for every page of a scope. */
    private record Areas(Map<String, RegionSummary> regions, Map<Long, RegionSummary> byId, List<RegionSummary> towns,
            List<RegionSummary> villages, Map<Long, String> gridNames) {

        static Areas of(List<GridSummary> grids, Map<String, RegionSummary> all) {
            Map<String, RegionSummary> regions = new TreeMap<>();
            for (GridSummary g : grids) {
                for (String code : List.of(townCode(g.code()), villageCode(g.code()))) {
                    RegionSummary r = all.get(code);
                    if (r != null) {
                        regions.put(code, r);
                    }
                }
            }
            Map<Long, RegionSummary> byId = regions.values().stream()
                    .collect(Collectors.toMap(RegionSummary::id, Function.identity()));
            Map<Long, String> names = new HashMap<>(grids.size() * 2);
            grids.forEach(g -> names.put(g.id(), g.label()));
            return new Areas(Collections.unmodifiableMap(regions), Map.copyOf(byId),
                    regions.values().stream().filter(r -> r.level() == RegionLevel.TOWN).toList(),
                    regions.values().stream().filter(r -> r.level() == RegionLevel.VILLAGE).toList(),
                    Collections.unmodifiableMap(names));
        }
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
