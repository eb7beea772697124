package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridwork.account.AccountService;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.task.TaskService;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class DashboardFiguresTest {

    @Autowired
    DashboardService dashboard;

    @Autowired
    MonthlyReport report;

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    StaffAssignments assignments;

    @Autowired
    AccountService accounts;

    @Autowired
    TaskService tasks;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    YearMonth month;

    @BeforeEach
    void craftedTown() {
        DashboardTown.ensure(regions, grids, assignments, accounts, tasks, users, dashboard, jdbc);
        month = dashboard.month(null);
        SecondTown.actAs(users, DashboardTown.SUPERVISOR);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private Map<String, FigureValues> children(String node) {
        return dashboard.view(node, month).children().stream()
                .collect(Collectors.toMap(c -> c.node().code(), DashboardView.Child::figures));
    }

    @Test
    void taskFiguresAddUpFromGridsToVillagesToTheTown() {
        DashboardView town = dashboard.view(null, month);
        assertThat(town.node().code()).isEqualTo(DashboardTown.TOWN);
        assertThat(town.totals().count(Figure.TASKS_OPEN)).isEqualTo(3);
        assertThat(town.totals().count(Figure.TASKS_OVERDUE)).isEqualTo(1);

        Map<String, FigureValues> villages = children(DashboardTown.TOWN);
        assertThat(villages.get(DashboardTown.VILLAGE_1).count(Figure.TASKS_OPEN)).isEqualTo(2);
        assertThat(villages.get(DashboardTown.VILLAGE_1).count(Figure.TASKS_OVERDUE)).isEqualTo(1);
        assertThat(villages.get(DashboardTown.VILLAGE_2).count(Figure.TASKS_OPEN)).isEqualTo(1);
        assertThat(villages.get(DashboardTown.VILLAGE_2).count(Figure.TASKS_OVERDUE)).isZero();

        Map<String, FigureValues> grids = children(DashboardTown.VILLAGE_1);
        assertThat(grids.get(DashboardTown.GRID_1).count(Figure.TASKS_OPEN)).isEqualTo(2);
        assertThat(grids.get(DashboardTown.GRID_1).count(Figure.TASKS_OVERDUE)).isEqualTo(1);
        assertThat(grids.get(DashboardTown.GRID_2).count(Figure.TASKS_OPEN)).isZero();
        assertThat(dashboard.view(DashboardTown.GRID_3, month).totals().count(Figure.TASKS_OPEN)).isEqualTo(1);
        assertThat(town.listUrls().get(Figure.TASKS_OVERDUE)).isEqualTo("/tasks?state=overdue&node=" + DashboardTown.TOWN);
    }

    @Test
    void ratesAndAveragesAreComputedOverAllIssuesNotAveragedOverGrids() {
        DashboardView town = dashboard.view(DashboardTown.TOWN, month);
        // (3 + 1) / (4 + 1), not the mean of 75 % and 100 %
        assertThat(town.totals().rate(Figure.ISSUES_ON_TIME)).isEqualTo(80.0);
        // (10 + 20 + 30 + 40 + 5) / 5; the 40 h issue crossed the month boundary and counts when closed
        assertThat(town.totals().average(Figure.ISSUES_CLOSE_HOURS)).isEqualTo(21.0);
        assertThat(town.totals().count(Figure.ISSUES_OPEN)).isEqualTo(4);
        assertThat(town.totals().breakdown(Figure.ISSUES_OPEN))
                .containsEntry("DISPATCHED", 2L).containsEntry("HANDLED", 1L).containsEntry("REPORTED", 1L);
        assertThat(town.totals().count(Figure.ISSUES_OVERDUE)).isEqualTo(1);
        assertThat(town.totals().breakdown(Figure.ISSUES_BY_CATEGORY))
                .containsExactlyInAnyOrderEntriesOf(Map.of("环境卫生", 2L, "安全隐患", 1L, "矛盾纠纷", 1L));
        assertThat(children(DashboardTown.TOWN).get(DashboardTown.VILLAGE_1).rate(Figure.ISSUES_ON_TIME)).isEqualTo(75.0);
        // a grid without closed issues has no rate rather than 0 %
        assertThat(dashboard.view(DashboardTown.GRID_2, month).totals().rate(Figure.ISSUES_ON_TIME)).isNull();

        DashboardView lastMonth = dashboard.view(DashboardTown.TOWN, month.minusMonths(1));
        assertThat(lastMonth.totals().rate(Figure.ISSUES_ON_TIME)).isEqualTo(0.0);
        assertThat(lastMonth.totals().average(Figure.ISSUES_CLOSE_HOURS)).isEqualTo(80.0);
        // present-state figures do not depend on the month chosen
        assertThat(lastMonth.totals().count(Figure.TASKS_OPEN)).isEqualTo(3);
    }

    @Test
    void theMonthlyReportHasTheDashboardsNumbersInExcelAndCsv() throws Exception {
        byte[] xlsx = report.xlsx(DashboardTown.TOWN, month, Locale.ENGLISH);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            Sheet tasksSheet = book.getSheet("Tasks");
            Map<String, Row> rows = rowsByCode(tasksSheet);
            assertThat(rows).containsOnlyKeys("Code", DashboardTown.GRID_1, DashboardTown.GRID_2, DashboardTown.GRID_3,
                    DashboardTown.TOWN);
            for (String grid : List.of(DashboardTown.GRID_1, DashboardTown.GRID_2, DashboardTown.GRID_3)) {
                FigureValues shown = dashboard.view(grid, month).totals();
                assertThat(rows.get(grid).getCell(2).getNumericCellValue()).isEqualTo(shown.count(Figure.TASKS_OPEN));
                assertThat(rows.get(grid).getCell(3).getNumericCellValue()).isEqualTo(shown.count(Figure.TASKS_OVERDUE));
            }
            assertThat(rows.get(DashboardTown.TOWN).getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(rows.get(DashboardTown.TOWN).getCell(3).getNumericCellValue()).isEqualTo(1);

            Map<String, Row> issues = rowsByCode(book.getSheet("Issues"));
            DashboardView town = dashboard.view(DashboardTown.TOWN, month);
            // columns: code, name, open, overdue, closed, closed on time, on-time rate, average hours, reported
            assertThat(issues.get(DashboardTown.TOWN).getCell(4).getNumericCellValue()).isEqualTo(5);
            assertThat(issues.get(DashboardTown.TOWN).getCell(6).getNumericCellValue())
                    .isEqualTo(town.totals().rate(Figure.ISSUES_ON_TIME));
            assertThat(issues.get(DashboardTown.TOWN).getCell(7).getNumericCellValue())
                    .isEqualTo(town.totals().average(Figure.ISSUES_CLOSE_HOURS));
            assertThat(issues.get(DashboardTown.GRID_1).getCell(6).getNumericCellValue()).isEqualTo(75.0);
            assertThat(issues.get(DashboardTown.TOWN).getCell(8).getNumericCellValue()).isEqualTo(4);
        }

        String csv = new String(report.csv(DashboardTown.TOWN, month, MonthlyReport.Table.TASKS, Locale.ENGLISH),
                StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).toList()).containsExactly("Code", "Grid", "Open tasks", "Overdue tasks");
        assertThat(records).filteredOn(r -> r.get(0).equals(DashboardTown.GRID_1)).singleElement()
                .satisfies(r -> assertThat(r.toList().subList(2, 4)).containsExactly("2", "1"));
        assertThat(records.get(records.size() - 1).toList()).startsWith(DashboardTown.TOWN).endsWith("3", "1");
    }

    private static Map<String, Row> rowsByCode(Sheet sheet) {
        Map<String, Row> rows = new java.util.HashMap<>();
        sheet.forEach(r -> rows.put(r.getCell(0).getStringCellValue(), r));
        return rows;
    }

    @Test
    void aSupervisorOfOneTownSeesNothingOfAnother() throws Exception {
        SecondTown.actAs(users, SecondTown.SUPERVISOR);
        assertThat(dashboard.view(null, month).node().code()).isEqualTo(SecondTown.TOWN);
        assertThat(dashboard.view(null, month).totals().count(Figure.TASKS_OPEN)).isZero();
        for (String node : List.of(DashboardTown.TOWN, DashboardTown.VILLAGE_1, DashboardTown.GRID_1, "130528")) {
            assertThatThrownBy(() -> dashboard.view(node, month)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> dashboard.grids(node, month)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> report.csv(node, month, MonthlyReport.Table.TASKS, Locale.ENGLISH))
                    .isInstanceOf(NotFoundException.class);
        }
        // its own report has its own grid only
        assertThat(report.table(null, month, MonthlyReport.Table.TASKS, Locale.ENGLISH))
                .extracting(r -> r.get(0)).containsExactly("Code", SecondTown.GRID, SecondTown.TOWN);
        SecurityContextHolder.clearContext();

        RequestPostProcessor other = user(users.loadUserByUsername(SecondTown.SUPERVISOR));
        mvc.perform(get("/dashboard").with(other)).andExpect(status().isOk())
                .andExpect(content().string(containsString(SecondTown.VILLAGE)))
                .andExpect(content().string(not(containsString(DashboardTown.TOWN))));
        for (String path : List.of("/dashboard?node=", "/dashboard/map?node=", "/dashboard/report.xlsx?node=",
                "/dashboard/report.csv?node=")) {
            mvc.perform(get(path + DashboardTown.TOWN).with(other)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/tasks?node=" + DashboardTown.TOWN).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/map").with(other)).andExpect(status().isOk())
                .andExpect(content().string(containsString(SecondTown.GRID)))
                .andExpect(content().string(not(containsString(DashboardTown.GRID_1))));
        mvc.perform(get("/dashboard").with(user(users.loadUserByUsername("staff")))).andExpect(status().isNotFound());
    }

    @Test
    void theListBehindTheTaskFigureShowsTheSameTasks() throws Exception {
        assertThat(tasks.managedTasks(null, "open", "due", DashboardTown.GRID_1,
                org.springframework.data.domain.Pageable.ofSize(50)).getContent())
                .extracting(t -> t.title()).containsExactlyInAnyOrder("看板任务一", "看板任务二");
        RequestPostProcessor supervisor = user(users.loadUserByUsername(DashboardTown.SUPERVISOR));
        mvc.perform(get("/tasks?state=overdue&node=" + DashboardTown.GRID_1).with(supervisor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("看板任务二")))
                .andExpect(content().string(not(containsString("看板任务一"))));
    }

    @Test
    void thePageShowsFiguresDefinitionsAndTheirAge() throws Exception {
        mvc.perform(get("/dashboard?node=" + DashboardTown.TOWN).locale(Locale.ENGLISH)
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Figures as of")))
                .andExpect(content().string(containsString("divided by all issues closed in the month")))
                .andExpect(content().string(containsString("80.0%")))
                .andExpect(content().string(containsString("21.0 h")))
                .andExpect(content().string(containsString("/tasks?state=open&amp;node=" + DashboardTown.VILLAGE_1)));
    }

    /** The rendered content is kept between views: per refresh, language and viewer's reach, never mixed up. */
    @Test
    void keptContentFollowsTheRefreshTheLanguageAndTheViewersReach() throws Exception {
        RequestPostProcessor admin = user(users.loadUserByUsername("admin"));
        RequestPostProcessor townSupervisor = user(users.loadUserByUsername(DashboardTown.SUPERVISOR));
        String village = "/dashboard?node=" + DashboardTown.VILLAGE_1;
        String countyCrumb = "/dashboard?node=130528&amp;";

        mvc.perform(get(village).locale(Locale.ENGLISH).with(admin))
                .andExpect(content().string(containsString("Figures as of")))
                .andExpect(content().string(containsString(countyCrumb)));
        // the same node, month and language for a supervisor of the town only: the trail starts at the town
        mvc.perform(get(village).locale(Locale.ENGLISH).with(townSupervisor))
                .andExpect(content().string(containsString("/dashboard?node=" + DashboardTown.TOWN + "&amp;")))
                .andExpect(content().string(not(containsString(countyCrumb))));
        mvc.perform(get(village).locale(Locale.SIMPLIFIED_CHINESE).with(admin))
                .andExpect(content().string(not(containsString("Figures as of"))));

        // a change reaches the page with the next refresh of the roll-ups, not before
        jdbc.update("update region set name = '看板一村（更名）' where code = ?", DashboardTown.VILLAGE_1);
        try {
            mvc.perform(get(village).locale(Locale.ENGLISH).with(admin))
                    .andExpect(content().string(not(containsString("看板一村（更名）"))));
            dashboard.refreshNow();
            mvc.perform(get(village).locale(Locale.ENGLISH).with(admin))
                    .andExpect(content().string(containsString("看板一村（更名）")));
        } finally {
            jdbc.update("update region set name = '看板一村' where code = ?", DashboardTown.VILLAGE_1);
            dashboard.refreshNow();
        }
    }

    /** Page views read the roll-ups only: a handful of statements whatever the territory's size. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{1} as {0}")
    @org.junit.jupiter.params.provider.CsvSource({"admin, /dashboard", "supervisor, /dashboard",
            "town3-supervisor, /dashboard?node=130528177201-001", "admin, /dashboard/map?node=130528",
            "supervisor, /tasks", "staff, /tasks"})
    void pagesStayWithinTheSqlStatementBudget(String username, String path) throws Exception {
        String count = mvc.perform(get(path).header("X-Gridwork-SQL-Count", "ask").with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("X-Gridwork-SQL-Count");
        assertThat(Integer.parseInt(count)).isLessThanOrEqualTo(15);
    }
}
