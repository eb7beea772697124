package org.gridwork.dashboard;

import org.gridwork.shared.security.SystemPrincipal;
import java.time.LocalDate;
import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.support.BrowserTestSupport;
import org.gridwork.support.SecondTown;
import org.gridwork.task.AssigneeMode;
import org.gridwork.task.NewTask;
import org.gridwork.task.TaskService;
import org.gridwork.task.TaskStatus;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A crafted town for the dashboard tests, created once per test database:
 * village 201 with grids 001 and 002 (staff A on both), village 202 with grid 001 (staff B).
 *
 * Tasks, with the figures they must give:
 * T1 due in 5 days to A (grid 201-001) and B (202-001), B done;
 * T2 due 2 days ago to village 201 (A, via 201-001), open: overdue;
 * T3 due yesterday to B, extended by 3 days: open, not overdue;
 * T4 due 3 days ago to A, done: neither open nor overdue.
 * Open / overdue: grid 201-001 2 / 1, grid 201-002 0 / 0, grid 202-001 1 / 0,
 * village 201 2 / 1, village 202 1 / 0, town 3 / 1.
 */
final class DashboardTown {

    static final String TOWN = "130528177";
    static final String VILLAGE_1 = "130528177201";
    static final String VILLAGE_2 = "130528177202";
    static final String GRID_1 = VILLAGE_1 + "-001";
    static final String GRID_2 = VILLAGE_1 + "-002";
    static final String GRID_3 = VILLAGE_2 + "-001";
    static final String SUPERVISOR = "town3-supervisor";
    static final String STAFF_A = "town3-staff-a";
    static final String STAFF_B = "town3-staff-b";

    private DashboardTown() {
    }

    static synchronized void ensure(Regions regions, Grids grids, StaffAssignments assignments, AccountService accounts, TaskService tasks,
            UserDetailsService users, DashboardService dashboard, JdbcTemplate jdbc) {
        SystemPrincipal.run("test set-up", () -> create(regions, grids, assignments, accounts, tasks, users, dashboard, jdbc));
    }

    private static void create(Regions regions, Grids grids, StaffAssignments assignments, AccountService accounts, TaskService tasks,
            UserDetailsService users, DashboardService dashboard, JdbcTemplate jdbc) {
        SecondTown.ensure(regions, grids, assignments, accounts);
        if (regions.findRegionByCode(TOWN).isPresent()) {
            return;
        }
        var town = regions.createRegion(TOWN, "看板测试镇", RegionLevel.TOWN, "130528");
        regions.createRegion(VILLAGE_1, "看板一村", RegionLevel.VILLAGE, TOWN);
        regions.createRegion(VILLAGE_2, "看板二村", RegionLevel.VILLAGE, TOWN);
        var g1 = grids.createGrid(VILLAGE_1, 1, "看板一村第一网格", square(115.30, 37.60));
        var g2 = grids.createGrid(VILLAGE_1, 2, "看板一村第二网格", square(115.31, 37.60));
        var g3 = grids.createGrid(VILLAGE_2, 1, "看板二村第一网格", square(115.32, 37.60));
        var supervisor = accounts.createUser(SUPERVISOR, BrowserTestSupport.DEMO_PASSWORD, "看板镇网格长", Role.SUPERVISOR, null);
        var a = accounts.createUser(STAFF_A, BrowserTestSupport.DEMO_PASSWORD, "看板网格员甲", Role.GRID_STAFF, null);
        var b = accounts.createUser(STAFF_B, BrowserTestSupport.DEMO_PASSWORD, "看板网格员乙", Role.GRID_STAFF, null);
        assignments.assignSupervisor(town.id(), supervisor.id());
        assignments.assignStaff(g1.id(), a.id());
        assignments.assignStaff(g2.id(), a.id());
        assignments.assignStaff(g3.id(), b.id());

        LocalDate today = tasks.today();
        SecondTown.actAs(users, SUPERVISOR);
        long t1 = tasks.create(new NewTask("看板任务一", "i", today.plusDays(5), AssigneeMode.GRIDS, null,
                List.of(g1.id(), g3.id()), null));
        long t2 = tasks.create(new NewTask("看板任务二", "i", today.minusDays(2), AssigneeMode.REGION, null, null, VILLAGE_1));
        long t3 = tasks.create(new NewTask("看板任务三", "i", today.minusDays(1), AssigneeMode.PEOPLE, List.of(b.id()), null, null));
        long t4 = tasks.create(new NewTask("看板任务四", "i", today.minusDays(3), AssigneeMode.PEOPLE, List.of(a.id()), null, null));
        tasks.extend(t3, today.plusDays(2));
        SecondTown.actAs(users, STAFF_B);
        tasks.recordProgress(t1, TaskStatus.DONE, null, null);
        SecondTown.actAs(users, STAFF_A);
        tasks.recordProgress(t4, TaskStatus.DONE, null, null);
        tasks.recordProgress(t2, TaskStatus.IN_PROGRESS, null, null);
        SecurityContextHolder.clearContext();
        craftIssues(jdbc, g1, g3);
        dashboard.refreshNow();
    }

    /**
     * Issues written straight into the issue table with chosen times (M = start of this month,
     * L = start of last month, Beijing time), as the workflow would have left them.
     *
     * This month, grid 201-001: four closed. I1 environment, 10 h, on time; I2 environment, 20 h,
     * handled after its original deadline but before the extended one: on time; I3 safety, 30 h,
     * late; I4 facilities, reported 20 h before M and closed 20 h after: 40 h, on time, counted
     * this month. On-time 3 / 4, 100 h in all; reported this month 2 environment + 1 safety.
     * Grid 202-001: I8 dispute, reworked once, final handling on time, 5 h.
     * Town: on-time (3 + 1) / (4 + 1) = 80 %, average (100 + 5) / 5 = 21 h, 4 reported.
     * Last month, grid 201-001: I10 100 h and I11 60 h, both late: 0 %, 80 h.
     * Open now (reported last month): 201-001 two DISPATCHED (one overdue) and one HANDLED;
     * 202-001 one REPORTED. Town: 4 open, 1 overdue.
     */
    private static void craftIssues(JdbcTemplate jdbc, GridSummary g1, GridSummary g3) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.time.YearMonth now = java.time.YearMonth.now(zone);
        java.time.Instant m = now.atDay(1).atStartOfDay(zone).toInstant();
        java.time.Instant l = now.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        issue(jdbc, g1, "ENVIRONMENT", "CLOSED", h(m, 1), h(m, 20), h(m, 20), h(m, 5), h(m, 11), 0);
        issue(jdbc, g1, "ENVIRONMENT", "CLOSED", h(m, 2), h(m, 10), h(m, 30), h(m, 20), h(m, 22), 0);
        issue(jdbc, g1, "SAFETY", "CLOSED", h(m, 3), h(m, 10), h(m, 10), h(m, 30), h(m, 33), 0);
        issue(jdbc, g1, "FACILITY", "CLOSED", h(m, -20), h(m, 30), h(m, 30), h(m, 10), h(m, 20), 0);
        issue(jdbc, g3, "DISPUTE", "CLOSED", h(m, 1), h(m, 48), h(m, 48), h(m, 5), h(m, 6), 1);
        issue(jdbc, g1, "SAFETY", "CLOSED", h(l, 0), h(l, 50), h(l, 50), h(l, 90), h(l, 100), 0);
        issue(jdbc, g1, "SAFETY", "CLOSED", h(l, 10), h(l, 20), h(l, 20), h(l, 60), h(l, 70), 0);
        java.time.Instant before = h(m, -5 * 24);
        issue(jdbc, g1, "ORDER", "DISPATCHED", before, h(before, 8), h(before, 8), null, null, 0);
        jdbc.update("update issue set overdue = true where id = (select max(id) from issue)");
        issue(jdbc, g1, "ORDER", "DISPATCHED", before, h(m, 24 * 60), h(m, 24 * 60), null, null, 0);
        issue(jdbc, g1, "ORDER", "HANDLED", before, h(before, 30), h(before, 30), h(before, 10), null, 0);
        issue(jdbc, g3, "ORDER", "REPORTED", before, null, null, null, null, 0);
    }

    private static java.time.Instant h(java.time.Instant from, long hours) {
        return from.plus(java.time.Duration.ofHours(hours));
    }

    private static void issue(JdbcTemplate jdbc, GridSummary grid, String majorCategory, String status,
            java.time.Instant reported, java.time.Instant originalDeadline, java.time.Instant deadline,
            java.time.Instant handled, java.time.Instant closed, int reworks) {
        Long category = jdbc.queryForObject("select min(c.id) from issue_category c join issue_category p"
                + " on p.id = c.parent_id where p.code = ?", Long.class, majorCategory);
        jdbc.update("insert into issue(category_id, status, urgency, source, description, grid_id, region_path,"
                + " reported_at, original_deadline, deadline, handled_at, closed_at, rework_count, updated_at)"
                + " values (?, ?, 'NORMAL', 'STAFF', '看板测试事件', ?, ?, ?, ?, ?, ?, ?, ?, now())",
                category, status, grid.id(), grid.regionPath(), ts(reported), ts(originalDeadline), ts(deadline),
                ts(handled), ts(closed), reworks);
    }

    private static java.sql.Timestamp ts(java.time.Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    static String square(double west, double north) {
        double east = west + 0.01;
        double south = north - 0.01;
        return String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }
}
