package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gridwork.shared.export.SpreadsheetCells;
import org.gridwork.shared.security.SystemPrincipal;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.Regions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The monthly report's CSV neutralises formulas like every other export (one neutraliser for all). */
@IntegrationTest
class MonthlyReportCsvTest {

    static final String FORMULA = "=HYPERLINK(\"http://example.org\",\"点我\")";

    @Autowired MonthlyReport report;
    @Autowired DashboardService dashboard;
    @Autowired Regions regions;
    @Autowired Grids grids;
    @Autowired UserDetailsService users;
    @Autowired BusinessTime time;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGridNamedLikeAFormulaIsPlainTextInTheCsv() {
        String villageCode = "139998001001";
        SystemPrincipal.run("test set-up", () -> {
            if (regions.findRegionByCode("139998").isEmpty()) {
                regions.createRegion("139998", "报表测试县", RegionLevel.COUNTY, "13");
                regions.createRegion("139998001", "报表测试镇", RegionLevel.TOWN, "139998");
                regions.createRegion(villageCode, "报表村", RegionLevel.VILLAGE, "139998001");
            }
            int existing = jdbc.queryForObject("select count(*) from grid where code like ?", Integer.class, villageCode + "-%");
            grids.createGrid(villageCode, existing + 1, FORMULA, null);
        });
        dashboard.refreshNow();
        SecondTown.actAs(users, "admin");
        String csv = new String(report.csv(villageCode, time.thisMonth(), MonthlyReport.Table.ISSUES, Locale.CHINA),
                StandardCharsets.UTF_8);
        assertThat(csv).contains(SpreadsheetCells.neutralise(FORMULA).replace("\"", "\"\""))
                .doesNotContain("," + FORMULA.replace("\"", "\"\""));
    }
}
