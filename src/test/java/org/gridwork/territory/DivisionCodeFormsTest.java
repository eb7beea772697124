package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cities without counties (东莞 441900, 中山 442000, 儋州 460400 keep a county-level node) and a
 * town whose 12-digit code is its county's padded with zeros (金门): the short and the 12-digit
 * file give the same nodes under the same parents, in either order, and the second changes nothing.
 */
@IntegrationTest
class DivisionCodeFormsTest {

    private static final String HEADER = "code,name,level,parent_code\n";

    @Autowired
    DivisionImporter importer;

    @Autowired
    Regions regions;

    /** A province with a city without counties and a 金门-like county, short or 12-digit codes. */
    private static String file(String p, boolean twelve) {
        String[][] rows = {
            {p, "省" + p, "PROVINCE", ""},
            {p + "19", "东莞市" + p, "CITY", p},
            {p + "1900", "东莞市" + p, "COUNTY", p + "19"},
            {p + "1900003", "东城街道" + p, "TOWN", p + "1900"},
            {p + "1900003001", "主山社区" + p, "VILLAGE", p + "1900003"},
            {p + "05", "泉州市" + p, "CITY", p},
            {p + "0527", "金门县" + p, "COUNTY", p + "05"},
            {p + "0527000", "金门镇" + p, "TOWN", p + "0527"},
            {p + "0527000000", "金门村" + p, "VILLAGE", p + "0527000"},
        };
        StringBuilder out = new StringBuilder(HEADER);
        for (String[] r : rows) {
            out.append(twelve ? pad(r[0]) : r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',')
                    .append(twelve && !r[3].isEmpty() ? pad(r[3]) : r[3]).append('\n');
        }
        return out.toString();
    }

    private static String pad(String code) {
        return (code + "000000000000").substring(0, 12);
    }

    private DivisionImportReport load(String csv) {
        return SystemPrincipal.call("test set-up", () -> importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    private void assertTree(String p) {
        assertThat(path(p + "1900")).isEqualTo("/" + p + "/" + p + "19/" + p + "1900/");
        assertThat(path(p + "1900003")).as("the town under the county-level node, not the city")
                .isEqualTo("/" + p + "/" + p + "19/" + p + "1900/" + p + "1900003/");
        assertThat(path(p + "1900003001")).endsWith("/" + p + "1900/" + p + "1900003/" + p + "1900003001/");
        assertThat(path(p + "0527000000")).as("金门's village under its town")
                .isEqualTo("/" + p + "/" + p + "05/" + p + "0527/" + p + "0527000/" + p + "0527000000/");
        assertThat(regions.findRegionByCode(p + "19").orElseThrow().level()).isEqualTo(RegionLevel.CITY);
        assertThat(regions.findRegionByCode(p + "1900").orElseThrow().level()).isEqualTo(RegionLevel.COUNTY);
    }

    private String path(String code) {
        return regions.findRegionByCode(code).orElseThrow(() -> new AssertionError("no node " + code)).path();
    }

    @Test
    void twelveDigitCodesFirstThenShortCodesGiveTheSameNodes() {
        DivisionImportReport first = load(file("91", true));
        assertThat(first.errors()).isEmpty();
        assertThat(first.created()).isEqualTo(9);
        assertTree("91");
        DivisionImportReport second = load(file("91", false));
        assertThat(second.errors()).isEmpty();
        assertThat(second.created() + second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(9);
        assertTree("91");
    }

    @Test
    void shortCodesFirstThenTwelveDigitCodesGiveTheSameNodes() {
        DivisionImportReport first = load(file("92", false));
        assertThat(first.errors()).isEmpty();
        assertThat(first.created()).isEqualTo(9);
        DivisionImportReport second = load(file("92", true));
        assertThat(second.errors()).isEmpty();
        assertThat(second.created() + second.updated()).isZero();
        assertTree("92");
    }

    @Test
    void realCitiesWithoutCountiesKeepTheirCountyLevelNode() {
        String csv = HEADER + """
                440000000000,广东省,PROVINCE,
                441900000000,东莞市,CITY,440000000000
                441900000000,东莞市,COUNTY,441900000000
                441900003000,东城街道,TOWN,441900000000
                442000000000,中山市,CITY,440000000000
                442000000000,中山市,COUNTY,442000000000
                442000001000,石岐街道,TOWN,442000000000
                460000000000,海南省,PROVINCE,
                460400000000,儋州市,CITY,460000000000
                460400000000,儋州市,COUNTY,460400000000
                460400100000,那大镇,TOWN,460400000000
                """;
        assertThat(load(csv).errors()).isEmpty();
        assertThat(path("441900003")).isEqualTo("/44/4419/441900/441900003/");
        assertThat(path("442000001")).isEqualTo("/44/4420/442000/442000001/");
        assertThat(path("460400100")).isEqualTo("/46/4604/460400/460400100/");
        DivisionImportReport again = load(csv.replace("440000000000", "44").replace("460000000000", "46"));
        assertThat(again.errors()).isEmpty();
        assertThat(again.created() + again.updated()).isZero();
    }
}
