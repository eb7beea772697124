package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.gridwork.shared.export.SpreadsheetCells;
import org.gridwork.shared.security.SystemPrincipal;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.support.SecondTown;
import org.gridwork.support.IntegrationTest;
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.TerritoryService;
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
    @Autowired TerritoryService territory;
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
            if (territory.findRegionByCode("139998").isEmpty()) {
                territory.createRegion("139998", "报表测试县", RegionLevel.COUNTY, "13");
                territory.createRegion("139998001", "报表测试镇", RegionLevel.TOWN, "139998");
                territory.createRegion(villageCode, "报表村", RegionLevel.VILLAGE, "139998001");
            }
            int grids = jdbc.queryForObject("select count(*) from grid where code like ?", Integer.class, villageCode + "-%");
            territory.createGrid(villageCode, grids + 1, FORMULA, null);
        });
        dashboard.refreshNow();
        SecondTown.actAs(users, "admin");
        String csv = new String(report.csv(villageCode, time.thisMonth(), MonthlyReport.Table.ISSUES, Locale.CHINA),
                StandardCharsets.UTF_8);
        assertThat(csv).contains(SpreadsheetCells.neutralise(FORMULA).replace("\"", "\"\""))
                .doesNotContain("," + FORMULA.replace("\"", "\"\""));
    }
}
