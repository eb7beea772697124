package org.gridwork.datagen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Regions from the real Ningjin County divisions and generated grids: the county's box is cut
 * into one block per town, each town's block into one cell per village, each village's cell into
 * 5 or 6 vertical strips, the grids, numbered west to east. Boundaries are valid and never
 * overlap by construction.
 */
final class TerritoryGenerator {

    static final String HOUKOU = "130528112";
    private static final double WEST = 114.75;
    private static final double EAST = 115.15;
    private static final double NORTH = 37.80;
    private static final double SOUTH = 37.45;

    private final JdbcTemplate jdbc;
    private final Random random;

    TerritoryGenerator(JdbcTemplate jdbc, Random random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    /** Generated grids in code order, with the box they cover. */
    record GeneratedGrid(long id, String code, long villageId, double west, double south, double east, double north) {
    }

    List<GeneratedGrid> generate(Preset preset) {
        List<String[]> rows = divisions(preset);
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, List<String>> villagesByTown = new LinkedHashMap<>();
        for (String[] r : rows) {
            String parent = r[3].isEmpty() ? null : r[3];
            Long parentId = parent == null ? null : ids.get(parent);
            String path = parent == null ? "/" + r[0] + "/"
                    : jdbc.queryForObject("select path from region where id = ?", String.class, parentId) + r[0] + "/";
            Long id = jdbc.queryForObject("insert into region(code, name, level, parent_id, path, depth) values (?,?,?,?,?,?)"
                    + " returning id", Long.class, r[0], r[1], r[2], parentId, path, path.split("/").length - 2);
            ids.put(r[0], id);
            if (r[2].equals("VILLAGE")) {
                villagesByTown.computeIfAbsent(parent, k -> new ArrayList<>()).add(r[0]);
            }
        }
        List<GeneratedGrid> grids = new ArrayList<>();
        List<String> towns = new ArrayList<>(villagesByTown.keySet());
        int townCols = (int) Math.ceil(Math.sqrt(towns.size() * 1.2));
        int townRows = (int) Math.ceil((double) towns.size() / townCols);
        double townW = (EAST - WEST) / townCols;
        double townH = (NORTH - SOUTH) / townRows;
        for (int t = 0; t < towns.size(); t++) {
            double tWest = WEST + (t % townCols) * townW;
            double tNorth = NORTH - (t / townCols) * townH;
            setBoundary(towns.get(t), tWest, tNorth - townH, tWest + townW, tNorth);
            List<String> villages = villagesByTown.get(towns.get(t));
            int cols = (int) Math.ceil(Math.sqrt(villages.size()));
            int rowsOfVillages = (int) Math.ceil((double) villages.size() / cols);
            double vW = townW / cols;
            double vH = townH / rowsOfVillages;
            for (int v = 0; v < villages.size(); v++) {
                double vWest = tWest + (v % cols) * vW;
                double vNorth = tNorth - (v / cols) * vH;
                String village = villages.get(v);
                setBoundary(village, vWest, vNorth - vH, vWest + vW, vNorth);
                int strips = random.nextInt(100) < 15 ? 6 : 5;
                for (int g = 0; g < strips; g++) {
                    double gWest = vWest + g * vW / strips;
                    double gEast = vWest + (g + 1) * vW / strips;
                    String code = village + "-" + String.format("%03d", g + 1);
                    long id = jdbc.queryForObject("insert into grid(code, name, village_id, region_path, boundary_geojson)"
                            + " select ?, ?, r.id, r.path, ? from region r where r.code = ? returning id", Long.class,
                            code, "第" + (g + 1) + "网格", polygon(gWest, vNorth - vH, gEast, vNorth), village);
                    grids.add(new GeneratedGrid(id, code, ids.get(village), gWest, vNorth - vH, gEast, vNorth));
                }
            }
        }
        return grids;
    }

    private void setBoundary(String code, double west, double south, double east, double north) {
        jdbc.update("update region set boundary_geojson = ? where code = ?", polygon(west, south, east, north), code);
    }

    static String polygon(double west, double south, double east, double north) {
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }

    private static List<String[]> divisions(Preset preset) {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("datagen/ningjin-county.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                    .filter(r -> preset.wholeCounty() || r[0].length() < 9 || r[0].startsWith(HOUKOU))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
