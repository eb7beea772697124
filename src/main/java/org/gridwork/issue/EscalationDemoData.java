package org.gridwork.issue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gridwork.account.AccountService;
import org.gridwork.account.CommandLevel;
import org.gridwork.account.DepartmentSummary;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.demo.DemoDataContributor;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain above the town (issue 21): 宁晋县's county centre with its supervisor {@code county},
 * six county departments with a handler each, an issue escalated, filed and dispatched at the
 * county (住建局 lead, 应急管理局 co-handling), one waiting for the county to file it, and a
 * whistle call to which 生态环境分局 reported in time and 市场监管局 did not.
 */
@Component
class EscalationDemoData implements DemoDataContributor {

    static final String COUNTY = "130528";
    /** The demo password of every demo user (AccountDemoData's). */
    static final String PASSWORD = "gridwork-demo";
    /** Department code → name, and the handler's user name and display name. */
    static final Map<String, String[]> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("NJ-ZJJ", new String[] {"宁晋县住房和城乡建设局", "zjj", "孙立新"});
        DEPARTMENTS.put("NJ-STHJ", new String[] {"邢台市生态环境局宁晋县分局", "sthj", "周海燕"});
        DEPARTMENTS.put("NJ-SCJG", new String[] {"宁晋县市场监督管理局", "scjg", "吴振华"});
        DEPARTMENTS.put("NJ-CGJ", new String[] {"宁晋县城市管理综合行政执法局", "cgj", "郑国庆"});
        DEPARTMENTS.put("NJ-YJJ", new String[] {"宁晋县应急管理局", "yjj", "冯建军"});
        DEPARTMENTS.put("NJ-SLJ", new String[] {"宁晋县水利局", "slj", "陈志远"});
    }

    private final AccountService accounts;
    private final Regions regions;
    private final Grids grids;
    private final StaffAssignments assignments;
    private final IssueRepository issues;
    private final IssueEventRepository timeline;
    private final CategoryService categories;
    private final DeadlineCalculator deadlines;
    private final JdbcTemplate jdbc;
    private final BusinessTime time;

    EscalationDemoData(AccountService accounts, Regions regions, Grids grids, StaffAssignments assignments,
            IssueRepository issues,
            IssueEventRepository timeline, CategoryService categories, DeadlineCalculator deadlines, JdbcTemplate jdbc,
            BusinessTime time) {
        this.accounts = accounts;
        this.regions = regions;
        this.grids = grids;
        this.assignments = assignments;
        this.issues = issues;
        this.timeline = timeline;
        this.categories = categories;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public int order() {
        return 42;
    }

    @Override
    @Transactional
    public void load() {
        long countyRegion = regions.findRegionByCode(COUNTY).orElseThrow().id();
        Map<String, DepartmentSummary> depts = new LinkedHashMap<>();
        DEPARTMENTS.forEach((code, d) -> {
            DepartmentSummary dept = accounts.createDepartment(code, d[0], CommandLevel.COUNTY, countyRegion);
            depts.put(code, dept);
            accounts.createUser(d[1], PASSWORD, d[2], Role.HANDLER, dept.id());
        });
        UserSummary county = accounts.createUser("county", PASSWORD, "刘志刚", Role.SUPERVISOR, null);
        assignments.assignSupervisor(countyRegion, county.id());

        Instant now = time.now().truncatedTo(ChronoUnit.MINUTES);
        Actor staff = actor("staff", CommandLevel.GRID);
        Actor supervisor = actor("supervisor", CommandLevel.TOWN);
        Actor countyDesk = actor("county", CommandLevel.COUNTY);
        Actor zjj = actor("zjj", CommandLevel.COUNTY);
        DepartmentSummary lead = depts.get("NJ-ZJJ");
        DepartmentSummary co = depts.get("NJ-YJJ");

        // escalated, filed and dispatched at the county, being handled by 住建局 with 应急管理局
        Issue shed = create("SAFETY_BUILDING", "130528112201-002", 115.0430, 37.5890,
                "村东废弃厂房彩钢棚顶被大风掀起一角，随时可能坠落，下方是村民上下学必经之路。", "侯口一村东侧废弃厂房", staff,
                ago(now, 60 * 26));
        shed.file(supervisor, null, ago(now, 60 * 25));
        shed.escalate(supervisor, "厂房产权不明，需住建部门鉴定并组织拆除，超出镇级处置能力。", ago(now, 60 * 24));
        shed.fileAtCounty(countyDesk, null, ago(now, 60 * 23));
        shed.dispatchAtCounty(countyDesk, lead.id(), lead.name(), co.name(), 5,
                deadlines.workingDays(ago(now, 60 * 22), 5), "请住建局牵头鉴定，应急管理局配合现场警戒。", ago(now, 60 * 22));
        shed.accept(zjj, ago(now, 60 * 21));
        save(shed);
        jdbc.update("insert into issue_co_department(issue_id, department_id) values (?, ?)", shed.getId(), co.id());

        // escalated a moment ago: the county desk has it to file
        Issue farm = create("ENV_SEWAGE", "130528112202-002", 115.0740, 37.5870,
                "村东养殖场多次向沟渠直排养殖废水，镇里约谈无效，需执法部门查处。", "侯口二村东沟养殖场", actor("staff2", CommandLevel.GRID),
                ago(now, 60 * 30));
        farm.file(supervisor, null, ago(now, 60 * 29));
        farm.escalate(supervisor, "涉及环保执法处罚，镇级无执法权。", ago(now, 90));
        save(farm);

        // a whistle call: 生态环境分局 reported in time and acted, 市场监管局 did not report
        Issue smell = create("ENV_BURNING", "130528112201-001", 115.0285, 37.5895,
                "村北小作坊夜间焚烧废旧轮胎，浓烟刺鼻。", "侯口一村北", staff, ago(now, 60 * 5));
        smell.file(supervisor, null, ago(now, 60 * 4));
        save(smell);
        Instant called = ago(now, 60 * 3);
        // the demo's call is taken as made in working hours, whenever the demo is loaded: 30 minutes to report
        Instant respondBy = called.plus(Duration.ofMinutes(30));
        Long call = jdbc.queryForObject("""
                insert into whistle_call(issue_id, called_by, called_at, respond_by, note) values (?, ?, ?, ?, ?) returning id""",
                Long.class, smell.getId(), supervisor.userId(), Timestamp.from(called), Timestamp.from(respondBy),
                "请生态环境分局、市场监管局到场联合检查");
        DepartmentSummary env = depts.get("NJ-STHJ");
        DepartmentSummary market = depts.get("NJ-SCJG");
        Instant acked = called.plus(Duration.ofMinutes(1));
        Instant acted = ago(now, 60);
        jdbc.update("insert into whistle_response(call_id, department_id, acknowledged_at, acknowledged_by, action_note, action_at)"
                + " values (?, ?, ?, ?, ?, ?)", call, env.id(), Timestamp.from(acked), user("sthj").id(),
                "已到场检查，责令作坊停止焚烧，收缴待焚轮胎。", Timestamp.from(acted));
        jdbc.update("insert into whistle_response(call_id, department_id) values (?, ?)", call, market.id());
        Actor envHandler = actor("sthj", CommandLevel.COUNTY);
        timeline.save(new IssueEvent(smell.getId(), called, supervisor, "WHISTLE", IssueStatus.FILED, IssueStatus.FILED,
                env.name() + "、" + market.name() + ": 请生态环境分局、市场监管局到场联合检查"));
        timeline.save(new IssueEvent(smell.getId(), acked, envHandler, "WHISTLE_ACK", IssueStatus.FILED, IssueStatus.FILED,
                env.name()));
        timeline.save(new IssueEvent(smell.getId(), acted, envHandler, "WHISTLE_ACTION", IssueStatus.FILED, IssueStatus.FILED,
                env.name() + ": 已到场检查，责令作坊停止焚烧，收缴待焚轮胎。"));
    }

    private Issue create(String category, String gridCode, double lon, double lat, String description, String address,
            Actor reporter, Instant at) {
        GridSummary grid = grids.findGridByCode(gridCode).orElseThrow();
        Issue issue = new Issue(new Issue.Report(categories.findByCode(category).orElseThrow().id(), Urgency.NORMAL,
                IssueSource.STAFF, description, address, null, lon, lat, grid.id(), grid.regionPath(), null, null, null, null),
                reporter, at);
        return save(issue);
    }

    private Issue save(Issue issue) {
        Issue saved = issues.saveAndFlush(issue);
        for (Issue.PendingEvent e : issue.drainPending()) {
            timeline.save(new IssueEvent(saved.getId(), e.at(), e.actor(), e.action(), e.from(), e.to(), e.comment()));
        }
        return saved;
    }

    private UserSummary user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    private Actor actor(String username, CommandLevel level) {
        UserSummary u = user(username);
        return new Actor(u.id(), u.displayName(), u.role(), u.departmentId(), u.role() != Role.HANDLER, level);
    }

    private static Instant ago(Instant now, long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }
}
