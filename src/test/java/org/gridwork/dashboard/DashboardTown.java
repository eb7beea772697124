package org.gridwork.dashboard;

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
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.TerritoryService;
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

    static synchronized void ensure(TerritoryService territory, AccountService accounts, TaskService tasks,
            UserDetailsService users, DashboardService dashboard) {
        SecondTown.ensure(territory, accounts);
        if (territory.findRegionByCode(TOWN).isPresent()) {
            return;
        }
        var town = territory.createRegion(TOWN, "看板测试镇", RegionLevel.TOWN, "130528");
        territory.createRegion(VILLAGE_1, "看板一村", RegionLevel.VILLAGE, TOWN);
        territory.createRegion(VILLAGE_2, "看板二村", RegionLevel.VILLAGE, TOWN);
        var g1 = territory.createGrid(VILLAGE_1, 1, "看板一村第一网格", square(115.30, 37.60));
        var g2 = territory.createGrid(VILLAGE_1, 2, "看板一村第二网格", square(115.31, 37.60));
        var g3 = territory.createGrid(VILLAGE_2, 1, "看板二村第一网格", square(115.32, 37.60));
        var supervisor = accounts.createUser(SUPERVISOR, BrowserTestSupport.DEMO_PASSWORD, "看板镇网格长", Role.SUPERVISOR, null);
        var a = accounts.createUser(STAFF_A, BrowserTestSupport.DEMO_PASSWORD, "看板网格员甲", Role.GRID_STAFF, null);
        var b = accounts.createUser(STAFF_B, BrowserTestSupport.DEMO_PASSWORD, "看板网格员乙", Role.GRID_STAFF, null);
        territory.assignSupervisor(town.id(), supervisor.id());
        territory.assignStaff(g1.id(), a.id());
        territory.assignStaff(g2.id(), a.id());
        territory.assignStaff(g3.id(), b.id());

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
        dashboard.refreshNow();
    }

    static String square(double west, double north) {
        double east = west + 0.01;
        double south = north - 0.01;
        return String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                west, south, east, south, east, north, west, north, west, south);
    }
}
