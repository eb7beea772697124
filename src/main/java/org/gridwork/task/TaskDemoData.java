package org.gridwork.task;

import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.demo.DemoDataContributor;
import org.gridwork.territory.Grids;
import org.springframework.stereotype.Component;

/**
 * A few tasks the Houkou Town supervisor gave to staff and staff2, one of them overdue. Due dates
 * are relative to the day of loading so that the demo always shows open, due and overdue work.
 */
@Component
class TaskDemoData implements DemoDataContributor {

    private final TaskService tasks;
    private final AccountService accounts;
    private final Grids grids;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    TaskDemoData(TaskService tasks, AccountService accounts, Grids grids,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.accounts = accounts;
        this.grids = grids;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void load() {
        CurrentUser supervisor = actor("supervisor");
        CurrentUser staff = actor("staff");
        CurrentUser staff2 = actor("staff2");
        List<Long> grids = List.of(grid("130528112201-001"), grid("130528112202-001"));

        long elderly = tasks.create(supervisor, new NewTask("冬季独居老人走访",
                "本周内走访辖区内全部独居老人，检查取暖和用电安全，记录需求。",
                tasks.today().plusDays(5), AssigneeMode.GRIDS, null, grids, null).ofType(type("特殊群体走访关爱")));
        tasks.recordProgress(staff, elderly, TaskStatus.IN_PROGRESS, "已走访 3 户，剩余 2 户。", null);

        long flood = tasks.create(supervisor, new NewTask("汛期入户排查",
                "逐户排查低洼地带房屋和危旧房屋，登记需转移人员。",
                tasks.today().minusDays(3), AssigneeMode.GRIDS, null, grids, null).ofType(type("防汛防灾入户排查")));
        tasks.recordProgress(staff2, flood, TaskStatus.DONE, "侯口二村排查完毕，无需转移人员。", null);

        tasks.create(supervisor, new NewTask("流动人口信息更新",
                "核对并更新网格内流动人口登记信息，新增人员当日录入。",
                tasks.today().plusDays(14), AssigneeMode.PEOPLE, List.of(staff.id()), null, null)
                .ofType(type("流动人口信息采集")));

        // 准入清单 (issue 21): work outside the list, waiting for the county's approval
        tasks.create(supervisor, new NewTask("辖区商户营业执照信息统计",
                "逐户登记网格内商户的营业执照信息，填写统计表。",
                tasks.today().plusDays(10), AssigneeMode.GRIDS, null, grids, null)
                .outsideTheList("市场监管所要求本周内报送，所内人手不足。"));
    }

    private long type(String name) {
        return TaskAdmissionDemoData.typeId(jdbc, name);
    }

    private long grid(String code) {
        return grids.findGridByCode(code).orElseThrow().id();
    }

    private CurrentUser actor(String username) {
        UserSummary u = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId());
    }
}
