package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.gridwork.support.IntegrationTest;
import org.gridwork.task.AssigneeMode;
import org.gridwork.task.NewTask;
import org.gridwork.task.TaskService;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Every form that binds a form object, posted with a value that cannot be converted (a date
 * 2026-13-45, an unknown choice, a number "abc"): the form comes back with the message next to the
 * field, in the user's language, what was typed is still there, and nothing is saved.
 */
@IntegrationTest
class FormBindingErrorsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired TaskService tasks;
    @Autowired Grids grids;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> String refused(B request, String username, String language) throws Exception {
        var response = mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username)))
                .header("Accept-Language", language)).andReturn().getResponse();
        assertThat(response.getStatus()).as("the form again, not an error page").isEqualTo(200);
        return response.getContentAsString();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private long supervisorTask() {
        var admin = users.loadUserByUsername("supervisor");
        SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(admin, null,
                        admin.getAuthorities()));
        try {
            return tasks.create(new NewTask("表单绑定任务", "核查", tasks.today().plusDays(3), AssigneeMode.GRIDS, null,
                    List.of(grids.findGridByCode("130528112201-001").orElseThrow().id()), null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void newTaskWithAnImpossibleDateAndAnUnknownModeIsRefusedAtBothFields() throws Exception {
        int before = count("select count(*) from task");
        String html = refused(post("/tasks").param("title", "<b>坏日期</b>").param("instructions", "说明")
                .param("dueDate", "2026-13-45").param("mode", "BAD"), "supervisor", "zh-CN");
        assertThat(html).contains("id=\"dueDate-error\"").contains("日期无效")
                .contains("id=\"mode-error\"").contains("不是可选项之一")
                .contains("value=\"2026-13-45\"").as("what was typed stays")
                .contains("value=\"&lt;b&gt;坏日期&lt;/b&gt;\"");
        assertThat(count("select count(*) from task")).as("nothing saved").isEqualTo(before);
    }

    @Test
    void progressWithAnUnknownStatusIsRefusedAtTheStatus() throws Exception {
        long task = supervisorTask();
        String html = refused(multipart("/tasks/" + task + "/progress").param("status", "BAD").param("note", "进展"),
                "staff", "en");
        assertThat(html).contains("id=\"status-error\"").contains("Not one of the statuses offered.")
                .contains("进展");
        assertThat(count("select count(*) from task_assignment where task_id = ? and status <> 'NOT_STARTED'", task))
                .as("nothing saved").isZero();
    }

    @Test
    void extendingToAnImpossibleDateIsRefusedAtTheDate() throws Exception {
        long task = supervisorTask();
        String html = refused(post("/tasks/" + task + "/extend").param("dueDate", "2026-02-30"), "supervisor", "en");
        assertThat(html).contains("id=\"dueDate-error\"").contains("Not a valid date");
        assertThat(count("select count(*) from task where id = ? and due_date <> original_due_date", task))
                .as("nothing saved").isZero();
    }

    @Test
    void newUserWithAnUnknownRoleAndAMangledCheckboxIsRefusedAtBothFields() throws Exception {
        int before = count("select count(*) from app_user");
        String html = refused(post("/admin/users").param("username", "binding.bad").param("displayName", "绑定")
                .param("role", "BAD").param("phone", "").param("requireTotp", "true'\"("), "admin", "zh-CN");
        assertThat(html).contains("id=\"role-error\"").contains("不是可选的角色之一")
                .contains("id=\"requireTotp-error\"").contains("请勾选或留空")
                .contains("value=\"binding.bad\"");
        assertThat(count("select count(*) from app_user")).as("nothing saved").isEqualTo(before);
    }

    @Test
    void editedUserWithAnUnknownDepartmentIsRefusedAndKeepsItsName() throws Exception {
        long staff = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        String name = jdbc.queryForObject("select display_name from app_user where id = ?", String.class, staff);
        String html = refused(post("/admin/users/" + staff).param("username", "staff").param("displayName", "改名")
                .param("role", "GRID_STAFF").param("departmentId", "abc"), "admin", "en");
        assertThat(html).contains("id=\"departmentId-error\"").contains("Not a valid choice.");
        assertThat(jdbc.queryForObject("select display_name from app_user where id = ?", String.class, staff))
                .as("nothing saved").isEqualTo(name);
    }

    @Test
    void departmentWithAMangledActiveBoxIsRefusedAtTheBox() throws Exception {
        int before = count("select count(*) from department");
        String html = refused(post("/admin/departments").param("code", "BIND").param("name", "绑定科")
                .param("active", "maybe"), "admin", "en");
        assertThat(html).contains("id=\"active-error\"").contains("Tick the box or leave it empty.")
                .contains("value=\"绑定科\"");
        assertThat(count("select count(*) from department")).as("nothing saved").isEqualTo(before);
    }

    @Test
    void gridDescriptionWithAnUnreadableVersionIsRefusedAndNothingChanges() throws Exception {
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        String name = jdbc.queryForObject("select name from grid where id = ?", String.class, grid);
        String html = refused(post("/admin/territory/grids/" + grid + "/edit").param("code", "130528112201-001")
                .param("name", "改名网格").param("description", "").param("version", "abc"), "admin", "zh-CN");
        assertThat(html).contains("id=\"version-error\"").contains("不是有效的整数")
                .contains("value=\"改名网格\"");
        assertThat(jdbc.queryForObject("select name from grid where id = ?", String.class, grid))
                .as("nothing saved").isEqualTo(name);
    }

    @Test
    void issueReportWithALongitudeThatIsNotANumberIsRefusedAtIt() throws Exception {
        int before = count("select count(*) from issue");
        long category = jdbc.queryForObject("select min(id) from issue_category where parent_id is not null", Long.class);
        String html = refused(multipart("/issues").param("categoryId", "" + category).param("description", "井盖丢失")
                .param("urgency", "NORMAL").param("longitude", "abc").param("latitude", "37.5"), "staff", "en");
        assertThat(html).contains("id=\"longitude-error\"").contains("Not a number.").contains("井盖丢失");
        assertThat(count("select count(*) from issue")).as("nothing saved").isEqualTo(before);
    }

    @Test
    void publicReportWithACategoryThatIsNotANumberIsRefusedAtIt() throws Exception {
        int before = count("select count(*) from issue");
        var response = mvc.perform(multipart("/public/report").param("categoryId", "abc").param("description", "路灯坏了")
                .with(csrf()).header("Accept-Language", "zh-CN")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("id=\"categoryId-error\"").contains("不是有效的选项")
                .contains("路灯坏了");
        assertThat(count("select count(*) from issue")).as("nothing saved").isEqualTo(before);
    }
}
