package org.gridwork.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.gridwork.shared.demo.DemoDataContributor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Houkou Town (侯口镇, Ningjin County) with its 12 real villages, laid out as a 4 x 3 block of
 * village boundaries, each cut into two grids (west 001, east 002) with non-overlapping
 * boundaries. The coordinates are plausible for the area, not surveyed.
 */
@Component
class TerritoryDemoData implements DemoDataContributor {

    static final String TOWN = "130528112";
    private static final double WEST = 115.02;
    private static final double NORTH = 37.60;
    private static final double VILLAGE_WIDTH = 0.03;
    private static final double VILLAGE_HEIGHT = 0.025;

    private final Regions regions;
    private final Grids grids;

    TerritoryDemoData(Regions regions, Grids grids) {
        this.regions = regions;
        this.grids = grids;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        List<String[]> rows = readDivisions();
        int village = 0;
        for (String[] row : rows) {
            RegionLevel level = RegionLevel.valueOf(row[2]);
            regions.createRegion(row[0], row[1], level, row.length > 3 ? row[3] : null);
            if (level == RegionLevel.VILLAGE) {
                loadVillageGrids(row[0], row[1], village++);
            }
        }
        regions.setRegionBoundary(TOWN, polygon(WEST, NORTH, WEST + 4 * VILLAGE_WIDTH, NORTH - 3 * VILLAGE_HEIGHT));
    }

    private void loadVillageGrids(String code, String name, int index) {
        double west = WEST + (index % 4) * VILLAGE_WIDTH;
        double north = NORTH - (index / 4) * VILLAGE_HEIGHT;
        double east = west + VILLAGE_WIDTH;
        double south = north - VILLAGE_HEIGHT;
        double middle = west + VILLAGE_WIDTH / 2;
        regions.setRegionBoundary(code, polygon(west, north, east, south));
        String shortName = name.replace("村民委员会", "").replace("居民委员会", "");
        grids.createGrid(code, 1, shortName + "第一网格", polygon(west, north, middle, south));
        grids.createGrid(code, 2, shortName + "第二网格", polygon(middle, north, east, south));
    }

    static String polygon(double west, double north, double east, double south) {
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }

    private static List<String[]> readDivisions() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/houkou-divisions.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
