package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test territory far from the demo town (county 139999 under Hebei, around 100 E 30 N), so that
 * tests draw and redraw grids without touching what other test classes rely on.
 */
final class TerritoryFixtures {

    static final String COUNTY = "139999";
    static final String TOWN = "139999001";
    private static final AtomicInteger VILLAGES = new AtomicInteger(100 + (int) (System.nanoTime() % 700));

    private TerritoryFixtures() {
    }

    /** A new village of the test town, with its own code (each test gets a fresh one). */
    static RegionSummary newVillage(Regions regions, String villageBoundary) {
        return SystemPrincipal.call("test set-up", () -> createVillage(regions, villageBoundary));
    }

    private static RegionSummary createVillage(Regions regions, String villageBoundary) {
        if (regions.findRegionByCode(COUNTY).isEmpty()) {
            regions.createRegion(COUNTY, "测试县", RegionLevel.COUNTY, "13");
            regions.createRegion(TOWN, "测试镇", RegionLevel.TOWN, COUNTY);
        }
        String code = TOWN + String.format("%03d", VILLAGES.incrementAndGet() % 1000);
        RegionSummary village = regions.createRegion(code, "测试村" + code.substring(9), RegionLevel.VILLAGE, TOWN);
        if (villageBoundary != null) {
            regions.setRegionBoundary(code, villageBoundary);
        }
        return village;
    }

    static String box(double west, double south, double east, double north) {
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }
}
