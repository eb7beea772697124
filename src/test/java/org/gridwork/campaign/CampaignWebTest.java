package org.gridwork.campaign;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CampaignWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignService campaigns;

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

    @Autowired
    JdbcClient jdbc;

    long campaign;
    long staffTarget;

    @BeforeEach
    void campaignOverStaffsGrid() {
        SecondTown.ensure(regions, grids, assignments, accounts);
        SecondTown.actAs(users, "supervisor");
        long form = jdbc.sql("select id from campaign_form where title = '冬季燃气安全排查' order by id limit 1")
                .query(Long.class).single();
        campaign = campaigns.launch(new NewCampaign("网页测试排查 <b>x</b>", form, TargetKind.HOUSEHOLDS, List.of(),
                "130528112201-001", campaigns.today(), campaigns.today().plusDays(5), List.of()));
        staffTarget = jdbc.sql("select id from campaign_target where campaign_id = ? order by id limit 1").param(campaign)
                .query(Long.class).single();
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
    void everyCampaignUrlAnswers404OutsideTheScope() throws Exception {
        mvc.perform(get("/campaigns/" + campaign + "/targets/" + staffTarget).with(as("staff")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("answer-form")))
                // a title with markup is shown as text
                .andExpect(content().string(containsString("&lt;b&gt;x&lt;/b&gt;")));
        for (String outsider : new String[] {"staff2", SecondTown.STAFF}) {
            mvc.perform(get("/campaigns/" + campaign + "/targets/" + staffTarget).with(as(outsider)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/campaigns/" + campaign + "/targets/" + staffTarget).with(as(outsider)).with(csrf())
                    .param("token", UUID.randomUUID().toString()).param("outcome", "NOBODY_HOME"))
                    .andExpect(status().isNotFound());
        }
        for (String outsider : new String[] {"staff2", SecondTown.SUPERVISOR}) {
            for (String path : List.of("", "/targets?filter=all", "/next", "/answers.csv", "/summary.csv",
                    "/targets/" + staffTarget + "/issue")) {
                mvc.perform(get("/campaigns/" + campaign + path).with(as(outsider))).andExpect(status().isNotFound());
            }
        }
        mvc.perform(get("/campaigns/" + campaign + "?node=" + SecondTown.TOWN).with(as("supervisor")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/campaigns").with(as("staff2")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("网页测试排查"))));
        mvc.perform(get("/campaign-forms").with(as("staff"))).andExpect(status().isForbidden());
    }

    @Test
    void aDoubleSubmitRecordsOneVisitAndBadAnswersComeBackWithMessages() throws Exception {
        String token = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/campaigns/" + campaign + "/targets/" + staffTarget).with(as("staff")).with(csrf())
                    .param("token", token).param("outcome", "NOBODY_HOME")).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select attempts from campaign_target where id = ?").param(staffTarget).query(Integer.class)
                .single()).isEqualTo(1);
        mvc.perform(post("/campaigns/" + campaign + "/targets/" + staffTarget).with(as("staff")).with(csrf())
                .param("token", UUID.randomUUID().toString()).param("outcome", "DONE").param("a.q1", "MAYBE")
                .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请从给出的答案中选择")));
    }

    @Test
    void theExportHasOneLinePerTargetWithTheAnswersInTheReadersLanguage() throws Exception {
        SecondTown.actAs(users, "staff");
        campaigns.record(campaign, staffTarget, UUID.randomUUID(), Outcome.DONE,
                java.util.Map.of("q1", List.of("YES"), "q2", List.of("1"), "q3", List.of("NO"), "q4", List.of("NO"),
                        "q5", List.of("NO")), java.util.Map.of(), null, null);
        SecurityContextHolder.clearContext();
        byte[] csv = mvc.perform(get("/campaigns/" + campaign + "/answers.csv").with(as("supervisor"))
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        long targets = jdbc.sql("select count(*) from campaign_target where campaign_id = ?").param(campaign)
                .query(Long.class).single();
        assertThat(text.strip().split("\r\n")).hasSize((int) targets + 1);
        assertThat(text).contains("燃气报警器正常").contains("管道天然气").contains("已完成");
        String summary = new String(mvc.perform(get("/campaigns/" + campaign + "/summary.csv").with(as("supervisor"))
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(summary).contains("燃气报警器正常,否,1");
    }
}
