package org.gridwork.task;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
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
class TaskWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService tasks;

    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    StaffAssignments assignments;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    long houkouTask;

    @BeforeEach
    void houkouTask() {
        SecondTown.ensure(regions, grids, assignments, accounts);
        SecondTown.actAs(users, "supervisor");
        houkouTask = tasks.create(new NewTask("网页测试任务", "入户核查", tasks.today().plusDays(2), AssigneeMode.GRIDS,
                null, List.of(grids.findGridByCode("130528112201-001").orElseThrow().id()), null));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aTaskIsNotFoundForAnyoneOutsideItsScope() throws Exception {
        mvc.perform(get("/tasks/" + houkouTask).with(as("staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("网页测试任务")));
        mvc.perform(get("/tasks/" + houkouTask).with(as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("李秀英")));
        for (String outsider : new String[] {"staff2", SecondTown.STAFF, SecondTown.SUPERVISOR, "handler"}) {
            mvc.perform(get("/tasks/" + houkouTask).with(as(outsider))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/tasks/" + houkouTask + "/progress").param("status", "DONE").with(as("staff2")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + houkouTask + "/remind").with(as(SecondTown.SUPERVISOR)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/999999999").with(as("supervisor"))).andExpect(status().isNotFound());
    }

    @Test
    void theListShowsEachRoleItsOwnView() throws Exception {
        mvc.perform(get("/tasks").with(as("staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"my-tasks\"")))
                .andExpect(content().string(containsString("网页测试任务")));
        mvc.perform(get("/tasks").with(as("staff2"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("网页测试任务"))));
        mvc.perform(get("/tasks").param("q", "网页测试").with(as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-list\"")))
                .andExpect(content().string(containsString("网页测试任务")));
        mvc.perform(get("/tasks").param("state", "all").with(as(SecondTown.SUPERVISOR))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("网页测试任务"))));
        mvc.perform(get("/tasks/new").with(as("staff"))).andExpect(status().isNotFound());
    }

    @Test
    void anIncompleteNewTaskShowsWhatIsMissingInsteadOfFailing() throws Exception {
        mvc.perform(post("/tasks").param("title", "").param("instructions", "").param("mode", "GRIDS")
                        .param("dueDate", "2000-01-01").with(as("supervisor")).with(csrf()).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a title.")))
                .andExpect(content().string(containsString("The due date cannot be in the past.")));
        mvc.perform(post("/tasks").param("title", "t").param("instructions", "i").param("mode", "GRIDS")
                        .param("dueDate", tasks.today().toString()).with(as("supervisor")).with(csrf())
                        .locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nobody would get this task")));
    }

    @Test
    void aStaffMemberRecordsProgressAndAnExtensionToAnEarlierDateIsRefusedNextToTheField() throws Exception {
        mvc.perform(post("/tasks/" + houkouTask + "/progress").param("status", "IN_PROGRESS").param("note", "半数完成")
                        .with(as("staff")).with(csrf()))
                .andExpect(redirectedUrlPattern("/tasks/*"));
        mvc.perform(get("/tasks/" + houkouTask).with(as("supervisor")))
                .andExpect(content().string(containsString("半数完成")));
        mvc.perform(post("/tasks/" + houkouTask + "/extend").param("dueDate", tasks.today().toString())
                        .with(as("supervisor")).with(csrf()).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The new due date must be after the current one")));
    }
}
