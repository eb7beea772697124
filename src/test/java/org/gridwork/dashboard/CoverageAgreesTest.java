package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Visit coverage is one number: /care/coverage, the dashboard's figure, its map colouring and the
 * monthly report show the same value at the same moment (after a roll-up refresh).
 */
@IntegrationTest
class CoverageAgreesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DashboardService dashboard;

    private String page(String url) throws Exception {
        return mvc.perform(get(url).header("Accept-Language", "zh-CN")
                .with(user(users.loadUserByUsername("supervisor")))).andReturn().getResponse().getContentAsString();
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("found " + regex).isTrue();
        return m.group(1);
    }

    @Test
    void coverageIsTheSameOnTheCoveragePageTheDashboardItsMapAndTheMonthlyReport() throws Exception {
        dashboard.refreshNow();

        String coverage = page("/care/coverage");
        String onCoveragePage = first(coverage, "id=\"coverage-total\"[^>]*>[^<]*?覆盖率 ([0-9.]+)%");

        String board = page("/dashboard");
        String onDashboard = first(board, "id=\"figure-CARE_COVERAGE\".*?<span>([0-9.]+)%</span>");
        assertThat(onDashboard).isEqualTo(onCoveragePage);

        String csv = new String(mvc.perform(get("/dashboard/report.csv").param("table", "CARE")
                .with(user(users.loadUserByUsername("supervisor")))).andReturn().getResponse().getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        CSVRecord total = rows.get(rows.size() - 1);
        assertThat(String.format(java.util.Locale.ROOT, "%.1f", Double.parseDouble(total.get(total.size() - 1))))
                .as("the report's total").isEqualTo(onCoveragePage);

        // each grid's colour on the map is the grid's percentage on the coverage page
        Map<String, String> perGrid = new HashMap<>();
        Matcher row = Pattern.compile("data-grid=\"([^\"]+)\".*?class=\"coverage-percent[^>]*>([0-9.]+)%<", Pattern.DOTALL)
                .matcher(coverage);
        while (row.find()) {
            perGrid.put(row.group(1), row.group(2));
        }
        assertThat(perGrid).isNotEmpty();
        JsonNode map = JsonMapper.builder().build().readTree(page("/dashboard/map?figure=CARE_COVERAGE"));
        int compared = 0;
        for (JsonNode f : map.get("features")) {
            JsonNode value = f.get("properties").get("value");
            String code = f.get("properties").get("code").asText();
            if (value != null && !value.isNull() && perGrid.containsKey(code)) {
                assertThat(String.format(java.util.Locale.ROOT, "%.1f", value.asDouble())).as("grid " + code)
                        .isEqualTo(perGrid.get(code));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(0);
    }
}
