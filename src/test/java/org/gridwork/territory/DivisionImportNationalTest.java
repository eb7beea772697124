package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A national-size file (666,221 generated rows, ~30 MB in 12-digit codes, every city with a
 * county-level node "00" like 东莞) through the web screen in under a minute, then the same
 * divisions in short codes: nothing changes. Slow: run with -Pslow.
 */
@IntegrationTest
@Tag("slow")
class DivisionImportNationalTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Regions regions;

    @Test
    void aNationalSizeFileImportsThroughTheScreenInUnderAMinuteInEitherCodeForm() throws Exception {
        Path twelve = generate(true);
        Path short_ = generate(false);
        try {
            assertThat(Files.size(twelve)).isGreaterThan(25L * 1024 * 1024);
            long started = System.nanoTime();
            MvcResult first = upload(twelve);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("National-size file (%d bytes): %d ms, phases (ms): %s%n", Files.size(twelve), took.toMillis(),
                    DivisionImporter.lastPhases());
            assertThat(first.getResponse().getStatus()).isEqualTo(200);
            assertThat(first.getResponse().getContentAsString()).contains("id=\"import-result\"");
            assertThat(regions.findRegionByCode("981000001").orElseThrow().path())
                    .as("a town of a city without counties under its county-level node")
                    .isEqualTo("/98/9810/981000/981000001/");

            MvcResult second = upload(short_);
            assertThat(second.getResponse().getContentAsString()).contains("id=\"import-result\"");
            assertThat(regions.findRegionByCode("981000001001").orElseThrow().path())
                    .isEqualTo("/98/9810/981000/981000001/981000001001/");
            assertThat(second.getResponse().getContentAsString()).as("the short-code file changes nothing")
                    .contains("新增 0 个，更新 0 个");
            // last, so that a busy machine still shows the import correct before it fails on time
            assertThat(took).isLessThan(Duration.ofSeconds(60));
        } finally {
            Files.deleteIfExists(twelve);
            Files.deleteIfExists(short_);
        }
    }

    private MvcResult upload(Path file) throws Exception {
        MockMultipartFile part = new MockMultipartFile("file", file.getFileName().toString(), "text/csv",
                Files.newInputStream(file));
        return mvc.perform(multipart("/admin/territory/import").file(part)
                .with(user(users.loadUserByUsername("admin"))).with(csrf())).andReturn();
    }

    /** Province 98: 20 cities of 10 counties (the first "00"), 30 towns each, 110 villages each. */
    private static Path generate(boolean twelve) throws IOException {
        Path file = Files.createTempFile("divisions", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("code,name,level,parent_code\n");
            row(out, twelve, "98", "全国规模省", "PROVINCE", "");
            for (int c = 10; c < 30; c++) {
                String city = "98" + c;
                row(out, twelve, city, "市" + c, "CITY", "98");
                for (int k = 0; k < 10; k++) {
                    String county = city + String.format("%02d", k);
                    row(out, twelve, county, "县" + k, "COUNTY", city);
                    for (int t = 1; t <= 30; t++) {
                        String town = county + String.format("%03d", t);
                        row(out, twelve, town, "镇" + t, "TOWN", county);
                        for (int v = 1; v <= 110; v++) {
                            row(out, twelve, town + String.format("%03d", v), "村" + v, "VILLAGE", town);
                        }
                    }
                }
            }
        }
        return file;
    }

    private static void row(BufferedWriter out, boolean twelve, String code, String name, String level, String parent)
            throws IOException {
        out.write(twelve ? pad(code) : code);
        out.write(',');
        out.write(name);
        out.write(',');
        out.write(level);
        out.write(',');
        out.write(twelve && !parent.isEmpty() ? pad(parent) : parent);
        out.write('\n');
    }

    private static String pad(String code) {
        return (code + "000000000000").substring(0, 12);
    }
}
