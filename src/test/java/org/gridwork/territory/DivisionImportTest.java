package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

@IntegrationTest
class DivisionImportTest {

    private static final String HEADER = "code,name,level,parent_code\n";

    @Autowired
    DivisionImporter importer;

    @Autowired
    Regions regions;

    private DivisionImportReport importText(String csv) {
        return SystemPrincipal.call("test set-up", () -> importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theNingjinSampleImportsAndASecondImportChangesNothing() throws IOException {
        DivisionImportReport first = importNingjin();
        assertThat(first.ok()).isTrue();
        assertThat(first.created() + first.updated() + first.unchanged()).isEqualTo(409);
        assertThat(first.unchanged()).as("the demo's county, town and villages are already there").isGreaterThanOrEqualTo(16);

        RegionSummary town = regions.findRegionByCode("130528001").orElseThrow();
        assertThat(town.name()).isEqualTo("宁北街道");
        assertThat(town.path()).isEqualTo("/13/1305/130528/130528001/");
        assertThat(regions.findRegionByCode("130528112201").orElseThrow().name()).isEqualTo("侯口一村村民委员会");

        DivisionImportReport second = importNingjin();
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(409);
    }

    private DivisionImportReport importNingjin() throws IOException {
        try (InputStream in = new ClassPathResource("territory/ningjin-county.csv").getInputStream()) {
            return SystemPrincipal.call("test set-up", () -> importer.importCsv(in));
        }
    }

    @Test
    void zeroPaddedCodesAreStoredShortAndARenameIsAnUpdate() {
        DivisionImportReport created = importText(HEADER
                + "130000000000,河北省,PROVINCE,\n"
                + "139801000000,测试甲县,COUNTY,130000000000\n"
                + "139801001000,测试甲镇,TOWN,139801000000\n"
                + "139801001201,测试甲村,VILLAGE,139801001000\n");
        assertThat(created.ok()).isTrue();
        assertThat(created.created()).isEqualTo(3);
        assertThat(created.unchanged()).isEqualTo(1);
        assertThat(regions.findRegionByCode("139801001201").orElseThrow().path()).isEqualTo("/13/139801/139801001/139801001201/");

        DivisionImportReport renamed = importText("\uFEFF" + HEADER + "139801001201,测试甲村委会,VILLAGE,139801001\n");
        assertThat(renamed.updated()).isEqualTo(1);
        assertThat(regions.findRegionByCode("139801001201").orElseThrow().name()).isEqualTo("测试甲村委会");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong header           | code;name;level\\n139802;测试乙县;COUNTY;13                                          | 1 | territory.import.error.header
            missing column         | HEADER139802;测试乙县;COUNTY;13\\n139802001;测试乙镇;TOWN                            | 3 | territory.import.error.columns
            unknown parent         | HEADER139802;测试乙县;COUNTY;13\\n139802001;测试乙镇;TOWN;139803                     | 3 | territory.import.error.parentUnknown
            parent after child     | HEADER139802001;测试乙镇;TOWN;139802\\n139802;测试乙县;COUNTY;13                     | 2 | territory.import.error.parentUnknown
            code not under parent  | HEADER139802;测试乙县;COUNTY;13\\n139902001;测试乙镇;TOWN;139802                     | 3 | territory.import.error.parentMismatch
            code of wrong length   | HEADER139802;测试乙县;COUNTY;13\\n13980200;测试乙镇;TOWN;139802                      | 3 | territory.import.error.code
            unknown level          | HEADER139802;测试乙县;COUNTY;13\\n139802001;测试乙镇;HAMLET;139802                   | 3 | territory.import.error.level
            duplicate code         | HEADER139802;测试乙县;COUNTY;13\\n139802;测试丙县;COUNTY;13                          | 3 | territory.import.error.duplicate
            missing parent         | HEADER139802;测试乙县;COUNTY;                                                       | 2 | territory.import.error.parentMissing
            empty name             | HEADER139802;;COUNTY;13                                                             | 2 | territory.import.error.name
            existing moved         | HEADER130528112;侯口镇;TOWN;139802\\n139802;测试乙县;COUNTY;13                       | 2 | territory.import.error.parentUnknown
            header only            | HEADER                                                                              | 1 | territory.import.error.empty
            empty file             | ''                                                                                  | 1 | territory.import.error.empty
            """)
    void aBadFileImportsNothingAndSaysWhereAndWhy(String problem, String body, long line, String key) {
        String csv = body.replace("HEADER", HEADER).replace("\\n", "\n").replace(';', ',');
        DivisionImportReport report = importText(csv);

        assertThat(report.ok()).as(problem).isFalse();
        assertThat(report.errors()).as(problem).first().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo(key);
            assertThat(p.line()).isEqualTo(line);
        });
        assertThat(regions.findRegionByCode("139802")).as("nothing imported").isEmpty();
    }

    @Test
    void anExistingNodeCannotMoveUnderAnotherParent() {
        DivisionImportReport report = importText(HEADER + "130528112,侯口镇,TOWN,130529\n130529,别县,COUNTY,13\n");
        assertThat(report.errors()).extracting(DivisionImportReport.Problem::messageKey)
                .contains("territory.import.error.parentUnknown");
        // a town hung directly under the city: the code still fits, but it already sits under its county
        DivisionImportReport moved = importText(HEADER + "139803,测试丁县,COUNTY,13\n130528112,侯口镇,TOWN,1305\n");
        assertThat(moved.errors()).extracting(DivisionImportReport.Problem::messageKey)
                .containsExactly("territory.import.error.moved");
        assertThat(regions.findRegionByCode("139803")).isEmpty();
    }

    @Test
    void aGbkFileIsRecognisedAsNotUtf8() {
        byte[] gbk = (HEADER + "139804,测试戊县,COUNTY,13\n").getBytes(Charset.forName("GBK"));
        DivisionImportReport report = SystemPrincipal.call("test set-up", () -> importer.importCsv(new ByteArrayInputStream(gbk)));

        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("territory.import.error.notUtf8");
            assertThat(p.line()).isEqualTo(2);
        });
        assertThat(regions.findRegionByCode("139804")).isEmpty();
    }

    @Test
    void everyProblemOfAFileIsListedWithItsLine() {
        DivisionImportReport report = importText(HEADER
                + "139805,测试己县,COUNTY,13\n"
                + "139805001,测试己镇,TOWN,139809\n"
                + "139805002,测试己镇二,TOWNSHIP,139805\n"
                + "139805003,测试己镇三,TOWN,139805\n");
        assertThat(report.errors()).extracting(DivisionImportReport.Problem::line).containsExactly(3L, 4L);
        assertThat(regions.findRegionByCode("139805")).isEmpty();
    }
}
