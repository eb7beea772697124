package org.gridwork.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.Regions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15: "all staff of chosen grids" no longer lists every grid of the system for an admin:
 * beyond a town's worth of grids the form offers a scoped search (name, village, code, pinyin
 * initials), so /tasks/new stays kilobytes whatever the territory's size.
 */
@IntegrationTest
class TaskPickerTest {

    // a town code of its own: 130528177 is the dashboard tests' town, and whichever ran first won
    static final String TOWN = "130528166";
    static final String VILLAGE = "130528166201";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Regions regions;
    @Autowired
    Grids grids;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.gridwork.account.AccountService accounts;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** A village of 70 grids (more than a picker shows as checkboxes), made once. */
    @BeforeEach
    void aVillageOfManyGrids() {
        synchronized (TaskPickerTest.class) {
            if (regions.findRegionByCode(VILLAGE).isPresent()) {
                return;
            }
            SecondTown.actAs(users, "admin");
            regions.createRegion(TOWN, "测试拣选镇", RegionLevel.TOWN, "130528");
            var village = regions.createRegion(VILLAGE, "长乐村民委员会", RegionLevel.VILLAGE, TOWN);
            for (int i = 1; i <= 70; i++) {
                grids.createGrid(village.id(), VILLAGE + "-" + String.format("%03d", i), "拣选网格" + i, null);
            }
        }
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAdminsFormSearchesGridsInsteadOfListingThemAndStaysSmall() throws Exception {
        String page = mvc.perform(get("/tasks/new").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"grid-picker\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("name=\"gridIds\"").doesNotContain("拣选网格");
        assertThat(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("kilobytes, not megabytes")
                .isLessThan(100_000);
        // a town supervisor keeps the checkboxes of their few grids
        mvc.perform(get("/tasks/new").with(as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"gridIds\"")));
    }

    @Test
    void gridsAreFoundByNameVillageCodeOrPinyinInitialsOfEveryReading() throws Exception {
        // 长乐村 · 拣选网格7: 长 reads chang or zhang, so both cl and zl find the village's grids
        for (String q : new String[] {"拣选网格7", "长乐", "clc", "zlc", "jxwg", VILLAGE + "-00"}) {
            mvc.perform(get("/territory/areas.json").param("kind", "grid").param("q", q).with(as("admin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].value").value(org.hamcrest.Matchers.startsWith(VILLAGE + "-")));
        }
        // within the scope only: the town supervisor of 侯口镇 finds none of them
        mvc.perform(get("/territory/areas.json").param("kind", "grid").param("q", "jxwg").with(as("supervisor")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    /** A type on the 准入清单: every task given on screen names one (issue 21). */
    private String listedType() {
        return "type:" + jdbc.queryForObject("select min(id) from task_type where active", Long.class);
    }

    @Test
    void gridsAndStaffPickedBySearchAreAssigned() throws Exception {
        mvc.perform(get("/tasks/staff.json").param("q", "lxy").with(as("supervisor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].value").value("staff"));
        mvc.perform(post("/tasks").with(as("admin")).with(csrf()).param("title", "拣选任务 picker-grids")
                        .param("instructions", "走访").param("dueDate", "2099-01-01").param("mode", "GRIDS")
                        .param("gridCodes", "130528112201-001, 130528112202-001").param("typeChoice", listedType()))
                .andExpect(status().is3xxRedirection());
        long task = jdbc.queryForObject("select id from task where title = '拣选任务 picker-grids' order by id desc limit 1",
                Long.class);
        assertThat(jdbc.queryForList("select u.username from task_assignment a join app_user u on u.id = a.assignee_id"
                + " where a.task_id = ? order by 1", String.class, task)).containsExactly("staff", "staff2");
        // an unknown code is named, nothing is created
        mvc.perform(post("/tasks").with(as("admin")).with(csrf()).param("title", "拣选任务 picker-unknown")
                        .param("instructions", "走访").param("dueDate", "2099-01-01").param("mode", "GRIDS")
                        .param("gridCodes", "999999999999-001").param("typeChoice", listedType()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("999999999999-001")));
    }
}
