package org.gridwork.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 准入清单 (issue 21): the list, the refusal and the approval of work outside it, the burden report. */
@IntegrationTest
class TaskAdmissionTest {

    @Autowired TaskService tasks;
    @Autowired TaskAdmission admission;
    @Autowired TaskTodaySource today;
    @Autowired Regions regions;
    @Autowired Grids grids;
    @Autowired StaffAssignments assignments;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @BeforeEach
    void secondTown() {
        SecondTown.ensure(regions, grids, assignments, accounts);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    void as(String username) {
        SecurityContextHolder.clearContext();
        SecondTown.actAs(users, username);
    }

    long grid(String code) {
        return grids.findGridByCode(code).orElseThrow().id();
    }

    long userId(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    NewTask forStaffGrid(String title) {
        return new NewTask(title, "do it", tasks.today().plusDays(3), AssigneeMode.GRIDS, null,
                List.of(grid("130528112201-001")), null, null, null, true);
    }

    boolean staffSees(String title) {
        as("staff");
        return tasks.myAssignments("all", Pageable.ofSize(100)).stream().anyMatch(a -> a.title().equals(title));
    }

    int notifications(String username, String key) {
        return jdbc.queryForObject("select count(*) from notification where user_id = ? and message_key = ?", Integer.class,
                userId(username), key);
    }

    @Test
    void onlyAdminsKeepTheList() {
        as("supervisor");
        assertThatThrownBy(() -> admission.createType("代收水费", "无"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        as("admin");
        long id = admission.createType("准入测试事项", "测试文件第1号");
        assertThatThrownBy(() -> admission.createType("准入测试事项", "again")).isInstanceOf(BusinessRuleException.class)
                .hasMessage("task.type.nameTaken");
        assertThatThrownBy(() -> admission.createType("无文件事项", " ")).hasMessage("task.type.documentRequired");
        admission.updateType(id, "准入测试事项", "测试文件第2号", false);
        assertThat(admission.activeTypes()).noneMatch(t -> t.id() == id);
        assertThat(admission.types()).anyMatch(t -> t.id() == id && t.approvingDocument().equals("测试文件第2号"));
    }

    @Test
    void aListedTypeReachesStaffAtOnce() {
        as("supervisor");
        long type = admission.activeTypes().get(0).id();
        long id = tasks.create(forStaffGrid("清单内任务").ofType(type));
        assertThat(admission.awaitingApproval(id)).isFalse();
        assertThat(staffSees("清单内任务")).isTrue();
    }

    @Test
    void aTaskNeitherListedNorJustifiedIsRefused() {
        as("supervisor");
        assertThatThrownBy(() -> tasks.create(forStaffGrid("无类型任务"))).isInstanceOf(BusinessRuleException.class)
                .hasMessage("task.type.required");
        assertThatThrownBy(() -> tasks.create(forStaffGrid("停用类型任务").ofType(-1L))).hasMessage("task.type.required");
        assertThat(jdbc.queryForObject("select count(*) from task where title = '无类型任务'", Integer.class)).isZero();
    }

    @Test
    void workOutsideTheListWaitsForTheCountyThenReachesStaff() {
        as("supervisor");
        long id = tasks.create(forStaffGrid("清单外任务：统计商户").outsideTheList("上级临时要求"));
        assertThat(admission.awaitingApproval(id)).isTrue();
        assertThat(staffSees("清单外任务：统计商户")).isFalse();
        assertThat(today.itemsFor(userId("staff"))).noneMatch(i -> i.url().equals("/tasks/" + id));
        assertThat(notifications("county", "task.notify.approvalRequested")).isPositive();

        // the giver sees it waiting but may not approve it; nor may another town
        as("supervisor");
        assertThat(admission.pending()).anyMatch(p -> p.id() == id && !p.mayDecide());
        assertThatThrownBy(() -> admission.approve(id, null)).isInstanceOf(NotFoundException.class);
        as(SecondTown.SUPERVISOR);
        assertThat(admission.pending()).noneMatch(p -> p.id() == id);
        assertThatThrownBy(() -> admission.approve(id, null)).isInstanceOf(NotFoundException.class);

        as("county");
        assertThat(admission.pending()).anyMatch(p -> p.id() == id && p.mayDecide());
        admission.approve(id, "同意，一次性");
        assertThatThrownBy(() -> admission.approve(id, null)).isInstanceOf(NotFoundException.class);
        assertThat(staffSees("清单外任务：统计商户")).isTrue();

        // the month's figures: outside the list counted per staff member, in the burden report once given
        as("county");
        YearMonth month = YearMonth.from(tasks.today());
        assertThat(admission.outside(null, month)).anyMatch(r -> r.taskId() == id && r.staff() == 1 && r.approval().equals("APPROVED"));
        TaskAdmission.Burden burden = admission.burden(month);
        assertThat(burden.byType()).anyMatch(r -> r.outsideList() && r.label() == null && r.tasks() >= 1);
        assertThat(burden.byGiver()).anyMatch(r -> r.label().equals("王建国"));
        as(SecondTown.SUPERVISOR);
        assertThat(admission.outside(null, month)).noneMatch(r -> r.taskId() == id);
        assertThatThrownBy(() -> admission.outside("130528112", month)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void workOutsideTheListRefusedReachesNobody() throws Exception {
        as("supervisor");
        long id = tasks.create(forStaffGrid("清单外任务：代收保费").outsideTheList("保险公司请求"));
        as("county");
        assertThatThrownBy(() -> admission.refuse(id, " ")).hasMessage("task.admission.reasonRequired");
        admission.refuse(id, "不属于网格员职责");
        assertThat(staffSees("清单外任务：代收保费")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from task_assignment where task_id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and message_key = ? and url = ?",
                Integer.class, userId("supervisor"), "task.notify.refused", "/tasks/approvals")).isPositive();

        // on screen: the form refuses "outside the list" without a reason, next to nothing lost
        mvc.perform(post("/tasks").with(user(users.loadUserByUsername("supervisor"))).with(csrf())
                        .header("Accept-Language", "en").param("title", "form outside").param("instructions", "i")
                        .param("dueDate", tasks.today().plusDays(2).toString()).param("mode", "GRIDS")
                        .param("gridIds", String.valueOf(grid("130528112201-001"))).param("typeChoice", "outside"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Say why grid staff must do work outside the list.")))
                .andExpect(content().string(containsString("form outside")));
        mvc.perform(post("/tasks").with(user(users.loadUserByUsername("supervisor"))).with(csrf())
                        .param("title", "form outside").param("instructions", "i")
                        .param("dueDate", tasks.today().plusDays(2).toString()).param("mode", "GRIDS")
                        .param("gridIds", String.valueOf(grid("130528112201-001"))).param("typeChoice", "outside")
                        .param("outsideReason", "临时需要"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tasks/approvals").with(user(users.loadUserByUsername("county"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("form outside")));
        mvc.perform(get("/tasks/approvals").with(user(users.loadUserByUsername("staff")))).andExpect(status().isForbidden());
        mvc.perform(get("/tasks/burden").with(user(users.loadUserByUsername("county")))).andExpect(status().isOk());
        mvc.perform(get("/admin/task-types").with(user(users.loadUserByUsername("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("特殊群体走访关爱")));
    }
}
