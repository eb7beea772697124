package org.gridwork.territory;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lookups per second over 2,000 generated grids (a 50 x 40 block of 8-vertex cells with shared
 * edges, 10 % of the points outside). Prints figures, asserts nothing: machines differ. Excluded
 * from the build (tag {@code benchmark}); run it with
 * {@code ./mvnw -o test-compile exec:java -Dexec.mainClass=org.gridwork.territory.GridLocatorBenchmark -Dexec.classpathScope=test}.
 */
@Tag("benchmark")
class GridLocatorBenchmark {

    private static final int COLUMNS = 50;
    private static final int ROWS = 40;
    private static final double CELL = 0.004;
    private static final double WEST = 115.0;
    private static final double SOUTH = 37.4;

    public static void main(String[] args) throws Exception {
        new GridLocatorBenchmark().lookupsPerSecondWith2000Grids();
    }

    @Test
    void lookupsPerSecondWith2000Grids() throws Exception {
        GridIndex index = new GridIndex(1);
        for (int x = 0; x < COLUMNS; x++) {
            for (int y = 0; y < ROWS; y++) {
                String code = String.format("%012d-%03d", 130528000000L + x, y + 1);
                index.add(new GridSummary(x * ROWS + y, code, code, x, "/", GridStatus.ACTIVE), cell(x, y));
            }
        }
        index.build();
        System.out.printf("%d grids indexed%n", index.size());
        run(index, 1, 2_000_000); // warm-up
        int threads = Runtime.getRuntime().availableProcessors();
        for (int round = 0; round < 3; round++) {
            report("1 thread", run(index, 1, 3_000_000));
            report(threads + " threads", run(index, threads, 3_000_000));
        }
    }

    private static void report(String label, double perSecond) {
        System.out.printf(Locale.ROOT, "%-10s %,12.0f lookups/s%n", label, perSecond);
    }

    /** Lookups per second of {@code perThread} random points on each of {@code threads} threads. */
    private static double run(GridIndex index, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> found = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                found.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int hits = 0;
                    for (int i = 0; i < perThread; i++) {
                        double lon = WEST - 0.01 + random.nextDouble() * (COLUMNS * CELL + 0.02);
                        double lat = SOUTH - 0.01 + random.nextDouble() * (ROWS * CELL + 0.02);
                        if (index.locate(lon, lat).isPresent()) {
                            hits++;
                        }
                    }
                    return hits;
                }));
            }
            for (Future<Integer> f : found) {
                f.get();
            }
            return (double) threads * perThread / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** A square cell with an extra vertex on every side, as hand-drawn grids have. */
    private static org.locationtech.jts.geom.Geometry cell(int x, int y) {
        double w = WEST + x * CELL;
        double s = SOUTH + y * CELL;
        double e = w + CELL;
        double n = s + CELL;
        double mx = w + CELL / 2;
        double my = s + CELL / 2;
        return GeoJson.read(String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],"
                + "[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                w, s, mx, s, e, s, e, my, e, n, mx, n, w, n, w, my, w, s), "bench");
    }
}
