package org.gridwork.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridwork.account.AccountService;
import org.gridwork.care.CarePlanView;
import org.gridwork.care.CareService;
import org.gridwork.care.GridCoverage;
import org.gridwork.dashboard.DashboardService;
import org.gridwork.resident.Registration;
import org.gridwork.resident.ResidentDraft;
import org.gridwork.resident.ResidentService;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.support.TestClock;
import org.gridwork.support.TestResidents;
import org.gridwork.task.AssigneeMode;
import org.gridwork.task.MyAssignment;
import org.gridwork.task.NewTask;
import org.gridwork.task.TaskService;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The JVM runs in Los Angeles (Surefire's argLine); the clock is fixed early (06:00) and late
 * (23:30) in a Beijing day. At 06:00 in Beijing it is still yesterday in Los Angeles and in UTC:
 * every "today", "overdue" and month must still be Beijing's.
 */
@IntegrationTest
class BeijingTimeTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired TestClock clock;
    @Autowired BusinessTime time;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ResidentService residents;
    @Autowired CareService care;
    @Autowired TaskService tasks;
    @Autowired DashboardService dashboard;
    @Autowired Grids grids;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** The Beijing day of the real clock (the demo data's day), at the given Beijing time. */
    private LocalDate fixAt(String beijingTime) {
        LocalDate day = LocalDate.now(clock.withZone(BEIJING));
        clock.fixAtBeijing(LocalDateTime.of(day, LocalTime.parse(beijingTime)));
        return day;
    }

    private long newElderlyAloneOfStaff() {
        SecondTown.actAs(users, "staff");
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        return residents.register(new ResidentDraft("北京时间老人", TestResidents.nextIdNumber(LocalDate.of(1941, 5, 2), false),
                null, Registration.REGISTERED, grid, "侯口一村测试街9号", null, null, null, Set.of("ELDERLY_ALONE")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"06:00", "23:30"})
    void theVisitFormDefaultsToAndAcceptsTodayInBeijing(String at) throws Exception {
        LocalDate today = fixAt(at);
        long resident = newElderlyAloneOfStaff();
        String form = mvc.perform(get("/visits/new").param("residentId", "" + resident)
                .with(user(users.loadUserByUsername("staff")))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"" + today + "\"").contains("max=\"" + today + "\"");

        MvcResult dated = mvc.perform(post("/visits").param("token", UUID.randomUUID().toString())
                .param("residentId", "" + resident).param("visitedOn", today.toString()).param("kind", "CARE")
                .param("condition", "GOOD").param("findings", "一切正常")
                .with(csrf()).with(user(users.loadUserByUsername("staff")))).andReturn();
        assertThat(dated.getResponse().getRedirectedUrl()).as("a visit dated today is saved").startsWith("/visits/");

        MvcResult tomorrow = mvc.perform(post("/visits").param("token", UUID.randomUUID().toString())
                .param("residentId", "" + resident).param("visitedOn", today.plusDays(1).toString()).param("kind", "CARE")
                .param("condition", "GOOD").param("findings", "一切正常")
                .header("Accept-Language", "zh-CN").with(csrf()).with(user(users.loadUserByUsername("staff")))).andReturn();
        assertThat(tomorrow.getResponse().getContentAsString()).contains("走访日期不能晚于今天");
    }

    @ParameterizedTest
    @ValueSource(strings = {"06:00", "23:30"})
    void carePlansTheTodayListAndCoverageCountTheBeijingDay(String at) throws Exception {
        LocalDate today = fixAt(at);
        long resident = newElderlyAloneOfStaff();
        CarePlanView plan = care.plansOf(resident).get(0);
        assertThat(plan.nextDue()).as("a new member is due today in Beijing").isEqualTo(today);
        assertThat(plan.dueToday(time.today())).isTrue();
        assertThat(plan.overdue(time.today())).isFalse();

        String todayPage = mvc.perform(get("/today").header("Accept-Language", "zh-CN")
                .with(user(users.loadUserByUsername("staff")))).andReturn().getResponse().getContentAsString();
        assertThat(todayPage).contains("今日工作（" + today + "）").contains("北京时间老人");

        long gridId = plan.gridId();
        GridCoverage before = coverageOf(gridId);
        // due yesterday in Beijing: overdue, even though it is still "yesterday" in UTC at 06:00
        jdbc.update("update care_plan set next_due = ? where resident_id = ?", java.sql.Date.valueOf(today.minusDays(1)), resident);
        GridCoverage after = coverageOf(gridId);
        assertThat(after.overdue()).isEqualTo(before.overdue() + 1);
        assertThat(care.overdueIn(gridId)).extracting(d -> d.residentId()).contains(resident);
        assertThat(care.plansOf(resident).get(0).overdue(time.today())).isTrue();
    }

    private GridCoverage coverageOf(long gridId) {
        SecondTown.actAs(users, "staff"); // a MockMvc request leaves no user behind
        return care.coverage().stream().filter(g -> g.gridId() == gridId).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"06:00", "23:30"})
    void aTaskIsOverdueFromTheBeijingDayAfterItsDueDate(String at) {
        LocalDate today = fixAt(at);
        SecondTown.actAs(users, "supervisor");
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        long yesterday = tasks.create(new NewTask("昨天到期 " + at, "do it", today.minusDays(1), AssigneeMode.GRIDS, null,
                List.of(grid), null));
        long dueToday = tasks.create(new NewTask("今天到期 " + at, "do it", today, AssigneeMode.GRIDS, null, List.of(grid), null));
        SecondTown.actAs(users, "staff");
        List<MyAssignment> mine = tasks.myAssignments("ALL", Pageable.ofSize(500)).getContent();
        assertThat(mine).filteredOn(a -> a.taskId() == yesterday).singleElement().extracting(MyAssignment::overdue).isEqualTo(true);
        assertThat(mine).filteredOn(a -> a.taskId() == dueToday).singleElement().extracting(MyAssignment::overdue).isEqualTo(false);
    }

    @Test
    void theDashboardMonthAndTheReportFollowTheBeijingMonth() throws Exception {
        // 06:00 on 1 December in Beijing is still 30 November in Los Angeles and in UTC
        clock.fixAtBeijing(LocalDateTime.of(2026, 12, 1, 6, 0));
        SecondTown.actAs(users, "supervisor");
        assertThat(dashboard.month(null)).isEqualTo(YearMonth.of(2026, 12));
        assertThat(dashboard.months().get(0)).isEqualTo(YearMonth.of(2026, 12));
        MvcResult report = mvc.perform(get("/dashboard/report.csv").param("table", "ISSUES")
                .with(user(users.loadUserByUsername("supervisor")))).andReturn();
        assertThat(report.getResponse().getHeader("Content-Disposition")).contains("2026-12");

        // 23:30 on 30 November in Beijing: still November
        clock.fixAtBeijing(LocalDateTime.of(2026, 11, 30, 23, 30));
        SecondTown.actAs(users, "supervisor");
        assertThat(dashboard.month(null)).isEqualTo(YearMonth.of(2026, 11));
        assertThat(dashboard.view(null, dashboard.month(null)).month()).isEqualTo(YearMonth.of(2026, 11));
    }
}
