package org.gridwork.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.gridwork.account.AccountService;
import org.gridwork.account.DepartmentSummary;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.demo.DemoDataContributor;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo issues in Houkou Town: every state of the loop, some overdue, several assigned to
 * {@code staff} so that their today screen has work. Built through the aggregate's own
 * transitions (with past times), so the timelines read as they would in real use.
 */
@Component
class IssueDemoData implements DemoDataContributor {

    private final org.gridwork.shared.time.BusinessTime time;
    private final IssueRepository issues;
    private final IssueEventRepository timeline;
    private final CategoryService categories;
    private final DeadlineCalculator deadlines;
    private final Grids grids;
    private final AccountService accounts;
    private final IssueWarningJob warnings;

    IssueDemoData(IssueRepository issues, IssueEventRepository timeline, CategoryService categories,
            DeadlineCalculator deadlines, Grids grids, AccountService accounts, IssueWarningJob warnings,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.issues = issues;
        this.timeline = timeline;
        this.categories = categories;
        this.deadlines = deadlines;
        this.grids = grids;
        this.accounts = accounts;
        this.warnings = warnings;
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    @Transactional
    public void load() {
        Instant now = time.now().truncatedTo(ChronoUnit.MINUTES);
        Actor staff = actor("staff");
        Actor staff2 = actor("staff2");
        Actor supervisor = actor("supervisor");
        Actor handler = actor("handler");
        DepartmentSummary police = accounts.findDepartmentByCode("HK-PCS").orElseThrow();

        create("ENV_GARBAGE", "130528112201-001", 115.0275, 37.5875, "村西路口垃圾堆放多日无人清运，气味很大。",
                "侯口一村西路口", staff, ago(now, 3));
        create("FACILITY_LAMP", "130528112202-001", 115.0575, 37.5880, "村委会门前两盏路灯不亮，夜间行人不便。",
                "侯口二村村委会门前", staff2, ago(now, 5));

        Issue filed = create("SAFETY_BUILDING", "130528112201-002", 115.0425, 37.5875, "村东头一处老旧土坯房墙体开裂，有倒塌风险。",
                "侯口一村东头", staff, ago(now, 30));
        filed.file(supervisor, "请尽快安排核实", ago(now, 20));
        save(filed);

        Issue rejected = create("OTHER_GENERAL", "130528112201-001", 115.0280, 37.5880, "反映邻村集市摊位费用问题。",
                null, staff, ago(now, 60 * 24));
        rejected.reject(supervisor, "不属于本镇网格化管理事项，已告知向市场监管所反映。", ago(now, 60 * 20));
        save(rejected);

        Issue noise = create("ENV_NOISE", "130528112201-001", 115.0290, 37.5870, "夜间有加工厂机器噪声扰民，影响村民休息。",
                "侯口一村北街", staff, ago(now, 90));
        noise.file(supervisor, null, ago(now, 80));
        dispatch(noise, supervisor, staff, ago(now, 60));
        save(noise);

        Issue road = create("FACILITY_ROAD", "130528112201-002", 115.0440, 37.5860, "村南主路出现大坑，电动车通行危险。",
                "侯口一村南主路", staff, ago(now, 60 * 24 * 12));
        road.file(supervisor, null, ago(now, 60 * 24 * 11));
        dispatch(road, supervisor, staff, ago(now, 60 * 24 * 10));
        road.accept(staff, ago(now, 60 * 24 * 9));
        save(road);

        Issue order = create("ORDER_GENERAL", "130528112202-002", 115.0725, 37.5875, "有陌生人多次在村内推销保健品，疑似诈骗老人。",
                "侯口二村东街", staff2, ago(now, 60 * 5));
        order.file(supervisor, null, ago(now, 60 * 4));
        order.dispatchToDepartment(supervisor, police.id(), police.name(),
                deadlines.from(ago(now, 60 * 3), cat("ORDER_GENERAL")), "请派出所核查", ago(now, 60 * 3));
        save(order);

        Issue neighbour = create("DISPUTE_NEIGHBOUR", "130528112202-001", 115.0580, 37.5870, "两户村民因宅基地滴水问题发生争吵。",
                "侯口二村中街", staff2, ago(now, 60 * 24 * 2));
        neighbour.file(supervisor, null, ago(now, 60 * 24 * 2 - 30));
        dispatch(neighbour, supervisor, staff2, ago(now, 60 * 24 * 2 - 60));
        neighbour.accept(staff2, ago(now, 60 * 24 * 2 - 90));
        neighbour.reportHandled(staff2, "已组织双方调解，约定加装接水槽，双方签字认可。", 16, ago(now, 60 * 6));
        save(neighbour);

        Issue manhole = create("FACILITY_MANHOLE", "130528112201-001", 115.0300, 37.5890, "学校门口井盖缺失，已临时放置警示桩。",
                "侯口一村小学门口", staff, ago(now, 60 * 24 * 6));
        manhole.file(supervisor, null, ago(now, 60 * 24 * 6 - 10));
        dispatch(manhole, supervisor, staff, ago(now, 60 * 24 * 6 - 20));
        manhole.accept(staff, ago(now, 60 * 24 * 6 - 30));
        manhole.reportHandled(staff, "已协调供水站补装新井盖。", 8, ago(now, 60 * 24 * 6 - 150));
        manhole.verifyAndClose(supervisor, "现场核查，井盖已安装牢固。", ago(now, 60 * 24 * 5));
        save(manhole);

        Issue land = create("DISPUTE_LAND", "130528112201-002", 115.0450, 37.5880, "两户村民承包地边界不清产生纠纷。",
                null, staff, ago(now, 60 * 24 * 3));
        land.file(supervisor, null, ago(now, 60 * 24 * 3 - 10));
        dispatch(land, supervisor, staff, ago(now, 60 * 24 * 3 - 20));
        land.accept(staff, ago(now, 60 * 24 * 3 - 30));
        land.requestExtension(staff, land.getDeadline().plus(Duration.ofDays(7)), "需等待镇国土所测量后再调解。",
                ago(now, 60 * 24));
        save(land);

        Issue sewage = create("ENV_SEWAGE", "130528112202-002", 115.0730, 37.5860, "养殖户污水直排村边沟渠。",
                "侯口二村东沟", staff2, ago(now, 60 * 24 * 8));
        sewage.file(supervisor, null, ago(now, 60 * 24 * 8 - 10));
        dispatch(sewage, supervisor, staff2, ago(now, 60 * 24 * 7));
        save(sewage);

        Issue returned = create("LIVELIHOOD_ELDERLY", "130528112201-001", 115.0270, 37.5865, "独居老人家中取暖设施损坏。",
                "侯口一村西街", staff, ago(now, 60 * 24));
        returned.file(supervisor, null, ago(now, 60 * 23));
        returned.dispatchToDepartment(supervisor, police.id(), police.name(),
                deadlines.from(ago(now, 60 * 22), cat("LIVELIHOOD_ELDERLY")), null, ago(now, 60 * 22));
        returned.returnToSupervisor(handler, "不属于派出所职责，请转民政办。", ago(now, 60 * 20));
        save(returned);

        warnings.run();
    }

    private Issue create(String category, String gridCode, double lon, double lat, String description, String address,
            Actor reporter, Instant at) {
        GridSummary grid = grids.findGridByCode(gridCode).orElseThrow();
        Issue issue = new Issue(new Issue.Report(cat(category).id(), Urgency.NORMAL, IssueSource.STAFF, description, address,
                null, lon, lat, grid.id(), grid.regionPath(), null, null, null, null), reporter, at);
        return save(issue);
    }

    private void dispatch(Issue issue, Actor supervisor, Actor staff, Instant at) {
        issue.dispatchToStaff(supervisor, staff.userId(), staff.name(), deadlines.from(at, cat(issue)), null, at);
    }

    private Issue save(Issue issue) {
        Issue saved = issues.saveAndFlush(issue);
        for (Issue.PendingEvent e : issue.drainPending()) {
            timeline.save(new IssueEvent(saved.getId(), e.at(), e.actor(), e.action(), e.from(), e.to(), e.comment()));
        }
        return saved;
    }

    private CategorySummary cat(String code) {
        return categories.findByCode(code).orElseThrow();
    }

    private CategorySummary cat(Issue issue) {
        return categories.get(issue.getCategoryId());
    }

    private Actor actor(String username) {
        UserSummary u = accounts.findByUsername(username).orElseThrow();
        return new Actor(u.id(), u.displayName(), u.role(), u.departmentId(), u.role() != Role.HANDLER);
    }

    private static Instant ago(Instant now, long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }
}
