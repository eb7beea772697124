package org.gridwork.datagen;

/**
 * Size of a generated data set. {@code town}: Houkou Town, about 60 grids and 30,000 residents
 * with a year of history; {@code county}: all of Ningjin County, about 2,000 grids, 800,000
 * residents, 3 million visits and 500,000 issues over 3 years, 40,000 task assignments.
 */
record Preset(String name, boolean wholeCounty, int residents, int visits, int issues, int taskAssignments,
        int historyDays) {

    static Preset named(String name) {
        return switch (name) {
            case "town" -> new Preset("town", false, 30_000, 110_000, 20_000, 1_500, 365);
            case "county" -> new Preset("county", true, 800_000, 3_000_000, 500_000, 40_000, 3 * 365);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "': use town or county");
        };
    }
}
