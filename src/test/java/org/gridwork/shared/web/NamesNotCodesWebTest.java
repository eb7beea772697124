package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.gridwork.resident.Registration;
import org.gridwork.resident.ResidentDraft;
import org.gridwork.resident.ResidentService;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 18: people, places, kinds and outcomes are named as a person reads them, not by internal codes. */
@IntegrationTest
class NamesNotCodesWebTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ResidentService residents;
    @Autowired Grids grids;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long version(long id) {
        return jdbc.queryForObject("select version from issue where id = ?", Long.class, id);
    }

    long residentOfStaff() {
        return jdbc.queryForObject("select r.id from resident r join grid g on g.id = r.grid_id"
                + " where g.code = '130528112201-001' and r.status = 'LIVING' order by r.id limit 1", Long.class);
    }

    long report(String description, Long residentId) throws Exception {
        long category = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        var request = post("/issues").with(as("staff")).with(csrf()).param("categoryId", "" + category)
                .param("description", description).param("longitude", "115.0260").param("latitude", "37.5830")
                .param("urgency", "NORMAL");
        if (residentId != null) {
            request.param("residentIds", "" + residentId);
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring("/issues/".length()));
    }

    @Autowired org.springframework.context.MessageSource messages;

    /** The flash message the redirected page shows, in the language given. */
    String page(MvcResult redirected, String username, String language) {
        Object key = redirected.getFlashMap().get("success");
        Object[] args = (Object[]) redirected.getFlashMap().get("successArgs");
        return messages.getMessage((String) key, args, java.util.Locale.forLanguageTag(language));
    }

    @Test
    @WithUserDetails("staff")
    void linkedResidentsAreNamedInFullForStaffAndMaskedForTheDepartment() throws Exception {
        long resident = residentOfStaff();
        String name = jdbc.queryForObject("select name from resident where id = ?", String.class, resident);
        long id = report("names test 井盖", resident);
        String forStaff = mvc.perform(get("/issues/" + id).with(as("staff"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(forStaff).contains("关联居民").doesNotContain("关联居民（编号）")
                .contains("href=\"/residents/" + resident + "\">" + name + "</a>");

        mvc.perform(post("/issues/" + id + "/file").with(as("supervisor")).with(csrf()).param("version", "" + version(id)));
        long police = jdbc.queryForObject("select id from department where name = '侯口派出所'", Long.class);
        MvcResult dispatched = mvc.perform(post("/issues/" + id + "/dispatch").with(as("supervisor")).with(csrf())
                .param("version", "" + version(id)).param("assignee", "dept:" + police)).andReturn();
        assertThat(page(dispatched, "supervisor", "zh-CN")).contains("已派遣至 侯口派出所，期限 ")
                .doesNotContain("操作成功");
        assertThat(page(dispatched, "supervisor", "en")).contains("Dispatched to 侯口派出所, due ");

        String forHandler = mvc.perform(get("/issues/" + id).with(as("handler"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String masked = name.substring(0, 1) + "*".repeat(name.length() - 1);
        assertThat(forHandler).contains(masked).doesNotContain(name).doesNotContain("/residents/" + resident);
    }

    @Test
    void issueExportsSpeakTheReadersLanguageAndKeepAMachineVariant() throws Exception {
        report("export-names-test 路灯", null);
        String zh = mvc.perform(get("/issues/export.csv").with(as("staff")).param("q", "export-names-test")
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("编号,状态,紧急程度,来源,类别").contains("已上报").contains("公共设施")
                .contains("侯口一村第一网格 130528112201-001").doesNotContain("REPORTED");
        String en = mvc.perform(get("/issues/export.csv").with(as("staff")).param("q", "export-names-test")
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("No.,Status,Urgency,Source,Category").contains("Reported").contains("Street lamp out")
                .doesNotContain("REPORTED");
        String machine = mvc.perform(get("/issues/export.csv").with(as("staff")).param("q", "export-names-test")
                .param("columns", "machine").header("Accept-Language", "zh-CN")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(machine).contains("id,status,urgency,source,category").contains("REPORTED,NORMAL,STAFF");
    }

    @Test
    void residentExportsSpeakTheReadersLanguageAndKeepAMachineVariant() throws Exception {
        String zh = mvc.perform(get("/residents/export").with(as("staff")).param("format", "csv")
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("姓名,身份证号（脱敏）,性别,出生日期").contains(",女,").contains("在册")
                .doesNotContain(",F,").doesNotContain("LIVING");
        String en = mvc.perform(get("/residents/export").with(as("staff")).param("format", "csv")
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Name,ID number (masked),Gender,Birth date").contains(",Female,").contains("Living here");
        String machine = mvc.perform(get("/residents/export").with(as("staff")).param("format", "csv")
                .param("columns", "machine")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(machine).contains("name,id_number_masked,gender,birth_date").contains(",F,").contains("LIVING");
    }

    @Test
    void theTodayListNamesTheGridAndTheCategoryInTheReadersLanguage() throws Exception {
        long id = report("today-names-test", null);
        long staff = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        mvc.perform(post("/issues/" + id + "/file").with(as("supervisor")).with(csrf()).param("version", "" + version(id)));
        mvc.perform(post("/issues/" + id + "/dispatch").with(as("supervisor")).with(csrf())
                .param("version", "" + version(id)).param("assignee", "user:" + staff));
        String today = mvc.perform(get("/today").with(as("staff")).header("Accept-Language", "en")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        int line = today.indexOf("today-names-test");
        assertThat(line).isPositive();
        String item = today.substring(line, Math.min(today.length(), line + 400));
        assertThat(item).contains("Street lamp out").contains("侯口一村第一网格").doesNotContain("路灯故障")
                .doesNotContain("130528112201-001");
    }

    @Test
    void theAuditTrailNamesEventKindsAndPeople() throws Exception {
        long grid = grids.findGridByCode("130528112202-001").orElseThrow().id();
        long staff2 = jdbc.queryForObject("select id from app_user where username = 'staff2'", Long.class);
        // staff2 keeps the grids they had: removed and given back
        mvc.perform(post("/admin/territory/staff/grid/remove").with(as("admin")).with(csrf()).param("userId", "" + staff2)
                .param("gridId", "" + grid));
        mvc.perform(post("/admin/territory/staff/grid").with(as("admin")).with(csrf()).param("userId", "" + staff2)
                .param("gridCode", "130528112202-001"));
        String zh = mvc.perform(get("/admin/audit").with(as("admin")).param("action", "TERRITORY_STAFF_ASSIGNED")
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("分配网格员").contains("张伟 (staff2)").contains("网格 " + grid)
                .doesNotContain("user=" + staff2).doesNotContain("<code>TERRITORY_STAFF_ASSIGNED</code>");
        String en = mvc.perform(get("/admin/audit").with(as("admin")).param("action", "TERRITORY_STAFF_ASSIGNED")
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Staff assigned to grid").contains("系统管理员 (admin)");
    }

    @Test
    void theTaskFilterNamesTheRegion() throws Exception {
        String zh = mvc.perform(get("/tasks").with(as("supervisor")).param("node", "130528112")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("仅显示 侯口镇 下的网格").doesNotContain("仅显示 130528112");
    }

    @Test
    void aDuplicateIdNumberLinksToTheResidentByName() throws Exception {
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        String number = TestResidents.nextIdNumber(LocalDate.of(1975, 3, 3), false);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        users.loadUserByUsername("staff"), null, users.loadUserByUsername("staff").getAuthorities()));
        long first;
        try {
            first = residents.register(new ResidentDraft("重号甲", number, null, Registration.REGISTERED, grid, "一号", null,
                    null, null, Set.of()));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        String refused = mvc.perform(post("/residents").with(as("staff")).with(csrf()).param("name", "重号乙")
                .param("idNumber", number).param("gridId", "" + grid).param("registration", "REGISTERED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("该身份证号已登记为居民 重号甲。")
                .contains("href=\"/residents/" + first + "\"").doesNotContain("（/residents/");
    }

    @Test
    void theDashboardDefinitionDoesNotShowASettingName() throws Exception {
        String page = mvc.perform(get("/dashboard").with(as("supervisor"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("gridwork.dashboard.refresh-interval");
    }
}
