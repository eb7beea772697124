package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.stream.IntStream;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole of Hebei (56,712 rows) and a generated file ten times that size. Slow: excluded by
 * default, run with {@code ./mvnw verify -Pslow} (or {@code -Dtest=DivisionImportAtScaleTest -Pslow}).
 */
@IntegrationTest
@Tag("slow")
class DivisionImportAtScaleTest {

    @Autowired
    DivisionImporter importer;

    @Autowired
    Regions regions;

    @Test
    void theWholeOfHebeiImportsInWellUnderAMinuteAndAgainChangesNothing() throws IOException {
        Path hebei = Path.of(System.getProperty("gridwork.divisions.dir", "../shared/data/divisions"), "hebei-province.csv");
        Assumptions.assumeTrue(Files.exists(hebei), "no " + hebei + ": set -Dgridwork.divisions.dir");

        long started = System.nanoTime();
        DivisionImportReport first;
        try (InputStream in = Files.newInputStream(hebei)) {
            first = SystemPrincipal.call("test set-up", () -> importer.importCsv(in));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Hebei: %d created, %d updated, %d unchanged in %d ms%n",
                first.created(), first.updated(), first.unchanged(), took.toMillis());

        assertThat(first.errors()).isEmpty();
        assertThat(first.created() + first.updated() + first.unchanged()).isEqualTo(56_712);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(regions.findRegionByCode("130528112201").orElseThrow().path())
                .isEqualTo("/13/1305/130528/130528112/130528112201/");

        DivisionImportReport second;
        try (InputStream in = Files.newInputStream(hebei)) {
            second = SystemPrincipal.call("test set-up", () -> importer.importCsv(in));
        }
        assertThat(second.created() + second.updated()).isZero();
    }

    /** 600,000 generated rows streamed from memory-light generators: flat memory, not a full read. */
    @Test
    void aFileTenTimesLargerStreamsThrough() {
        int counties = 60;
        int towns = 100;
        int villages = 100;
        Iterator<InputStream> parts = IntStream.rangeClosed(-1, counties).mapToObj(c -> {
            StringBuilder sb = new StringBuilder();
            if (c == -1) {
                sb.append("code,name,level,parent_code\n");
            } else if (c == 0) {
                sb.append("97,生成省,PROVINCE,\n9701,生成市,CITY,97\n");
            } else {
                String county = String.format("9701%02d", c);
                sb.append(county).append(",生成县").append(c).append(",COUNTY,9701\n");
                for (int t = 1; t <= towns; t++) {
                    String town = county + String.format("%03d", t);
                    sb.append(town).append(",生成镇").append(t).append(",TOWN,").append(county).append('\n');
                    for (int v = 1; v <= villages; v++) {
                        sb.append(town).append(String.format("%03d", v)).append(",生成村").append(v)
                                .append(",VILLAGE,").append(town).append('\n');
                    }
                }
            }
            return (InputStream) new java.io.ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
        }).iterator();
        Enumeration<InputStream> e = new Enumeration<>() {
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            public InputStream nextElement() {
                return parts.next();
            }
        };
        long started = System.nanoTime();
        DivisionImportReport report = SystemPrincipal.call("test set-up", () -> importer.importCsv(new SequenceInputStream(e)));
        System.out.printf("Generated 606,062 rows: %d created in %d ms%n", report.created(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(2 + counties * (1 + towns * (1 + villages)));
    }
}
