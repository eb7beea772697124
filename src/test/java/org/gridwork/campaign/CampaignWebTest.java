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

    @Test
    void theLaunchingSupervisorClosesACampaignAfterConfirmingAndStaffCanNoLongerAnswer() throws Exception {
        mvc.perform(get("/campaigns/" + campaign).with(as("supervisor")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"close-campaign\"")))
                .andExpect(content().string(containsString("data-confirm=\"确定结束本次专项排查吗")));
        // staff see the progress but have no close button, and may not post one
        mvc.perform(get("/campaigns/" + campaign).with(as("staff")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("close-campaign"))));
        mvc.perform(post("/campaigns/" + campaign + "/close").with(as("staff")).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/campaigns/" + campaign + "/close").with(as("supervisor")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/campaigns/" + campaign).with(as("supervisor")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已结束")))
                .andExpect(content().string(not(containsString("close-campaign"))));
        mvc.perform(get("/campaigns").with(as("staff"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-campaign-id=\"" + campaign + "\""))));
        mvc.perform(post("/campaigns/" + campaign + "/targets/" + staffTarget).with(as("staff")).with(csrf())
                .param("token", UUID.randomUUID().toString()).param("outcome", "NOBODY_HOME")
                .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该专项排查已结束，不再接受填报")));
        assertThat(jdbc.sql("select attempts from campaign_target where id = ?").param(staffTarget).query(Integer.class)
                .single()).isZero();
        mvc.perform(get("/campaigns/" + campaign + "/answers.csv").with(as("supervisor"))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + campaign + "/next").with(as("staff")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("该专项排查已结束")))
                .andExpect(content().string(not(containsString("check-next"))));
    }

    @Autowired
    org.gridwork.resident.ResidentService residentService;

    @Test
    void aListCampaignIsCheckedFirstThenLaunchedOverTheMatchedPeople() throws Exception {
        SecondTown.actAs(users, "supervisor");
        List<Long> inside = jdbc.sql("""
                select r.id from resident r join grid g on g.id = r.grid_id
                where r.status = 'LIVING' and g.code = '130528112201-001' order by r.id limit 2""").query(Long.class).list();
        String a = residentService.revealIdNumber(inside.get(0));
        SecurityContextHolder.clearContext();
        String csv = "身份证号,姓名,备注\r\n" + a + ",,需重点查看\r\n" + a + ",,\r\n";
        long form = jdbc.sql("select id from campaign_form where title = '冬季燃气安全排查' order by id limit 1")
                .query(Long.class).single();
        long before = jdbc.sql("select count(*) from campaign").query(Long.class).single();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/campaigns")
                        .file(new org.springframework.mock.web.MockMultipartFile("listFile", "名单.csv", "text/csv",
                                csv.getBytes(java.nio.charset.Charset.forName("GBK"))))
                        .with(as("supervisor")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("title", "名单网页测试").param("formId", String.valueOf(form)).param("targetKind", "LIST")
                        .param("areaCode", "130528112201-001").param("startDate", campaigns.today().toString())
                        .param("dueDate", campaigns.today().plusDays(3).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"list-check\"")))
                .andExpect(content().string(containsString("共 2 行，1 人在所选区域内")))
                .andExpect(content().string(containsString("与第 2 行身份证号重复")))
                .andExpect(content().string(containsString("发布（1 人）")))
                .andReturn().getResponse().getContentAsString();
        // checking launches nothing
        assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);
        java.util.regex.Matcher hidden = java.util.regex.Pattern.compile("name=\"listText\" value=\"([^\"]*)\"").matcher(page);
        assertThat(hidden.find()).isTrue();
        String carried = org.springframework.web.util.HtmlUtils.htmlUnescape(hidden.group(1));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/campaigns")
                        .with(as("supervisor")).with(csrf())
                        .param("title", "名单网页测试").param("formId", String.valueOf(form)).param("targetKind", "LIST")
                        .param("areaCode", "130528112201-001").param("startDate", campaigns.today().toString())
                        .param("dueDate", campaigns.today().plusDays(3).toString()).param("listText", carried))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select max(id) from campaign").query(Long.class).single();
        assertThat(jdbc.sql("select resident_id from campaign_target where campaign_id = ?").param(id).query(Long.class).list())
                .containsExactly(inside.get(0));
        long target = jdbc.sql("select id from campaign_target where campaign_id = ?").param(id).query(Long.class).single();
        mvc.perform(get("/campaigns/" + id + "/targets/" + target).with(as("staff")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("需重点查看")));

        // a file without an ID number column comes back with the reason next to the field
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/campaigns")
                        .file(new org.springframework.mock.web.MockMultipartFile("listFile", "地址.csv", "text/csv",
                                "地址\r\n幸福路1号\r\n".getBytes(StandardCharsets.UTF_8)))
                        .with(as("supervisor")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("title", "x").param("formId", String.valueOf(form)).param("targetKind", "LIST")
                        .param("areaCode", "130528112201-001").param("startDate", campaigns.today().toString())
                        .param("dueDate", campaigns.today().plusDays(3).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("名单中找不到“身份证号”列")));
        // no file at all
        mvc.perform(post("/campaigns").with(as("supervisor")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("title", "x").param("formId", String.valueOf(form)).param("targetKind", "LIST")
                        .param("areaCode", "130528112201-001").param("startDate", campaigns.today().toString())
                        .param("dueDate", campaigns.today().plusDays(3).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请上传名单文件")));
        byte[] template = mvc.perform(get("/campaigns/list-template.csv").with(as("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFF身份证号,姓名,备注");
        mvc.perform(get("/campaigns/list-template.csv").with(as("staff"))).andExpect(status().isForbidden());
    }
}
