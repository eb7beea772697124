package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Residents report without an account, follow by code and rate (issue 19), against the real database. */
@IntegrationTest
class PublicReportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IssueService issues;

    @Autowired
    IssueQueries queries;

    @Autowired
    PublicReports reports;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.gridwork.dashboard.DashboardService dashboard;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private long category(String code) {
        return jdbc.queryForObject("select id from issue_category where code = ?", Long.class, code);
    }

    /** A report that says it is not a duplicate (most tests report at the same few points). */
    private MockMultipartHttpServletRequestBuilder report(String categoryCode, String lon, String lat, String address) {
        return (MockMultipartHttpServletRequestBuilder) firstReport(categoryCode, lon, lat, address).param("notDuplicate", "true");
    }

    private MockMultipartHttpServletRequestBuilder firstReport(String categoryCode, String lon, String lat, String address) {
        MockMultipartHttpServletRequestBuilder post = multipart("/public/report");
        post.param("categoryId", String.valueOf(category(categoryCode))).param("description", "路灯不亮了")
                .param("longitude", lon).param("latitude", lat)
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        return post;
    }

    @Test
    void theReportPageNeedsNoLoginOffersOnlyPublicCategoriesAndCarriesACsrfToken() throws Exception {
        String page = mvc.perform(get("/public/report")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("随手拍").contains("路灯故障").doesNotContain("家庭纠纷").contains("name=\"_csrf\"")
                .contains("/public/grids.json");
        String outlines = mvc.perform(get("/public/grids.json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(outlines).contains("\"code\":\"130528112201-001\"").contains("Polygon").doesNotContain("\"id\"");
        // without the token the form is refused: CSRF stays on for the public form
        mvc.perform(report("FACILITY_LAMP", "115.0260", "37.5830", "10.19.0.1")).andExpect(status().isForbidden());
    }

    @Test
    void aResidentReportsGetsATrackingCodeAndTheSupervisorSeesAReportedPublicIssue() throws Exception {
        MvcResult sent = mvc.perform(report("FACILITY_LAMP", "115.0260", "37.5830", "10.19.0.2")
                .param("name", "王秀英").param("phone", "13912345678").with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = sent.getResponse().getRedirectedUrl();
        assertThat(url).matches("/public/track/[23456789A-HJ-NP-Z]{10}");
        String code = url.substring("/public/track/".length());
        Map<String, Object> row = jdbc.queryForMap("""
                select i.id, i.status, i.source, g.code as grid, i.reporter_contact, p.name_enc, p.phone_enc
                from public_report p join issue i on i.id = p.issue_id join grid g on g.id = i.grid_id
                where p.tracking_code = ?""", code);
        assertThat(row.get("status")).isEqualTo("REPORTED");
        assertThat(row.get("source")).isEqualTo("PUBLIC");
        assertThat(row.get("grid")).isEqualTo("130528112201-001");
        assertThat(code).isNotEqualTo(String.valueOf(row.get("id")));
        assertThat(row.get("reporter_contact")).isNull();
        assertThat((String) row.get("name_enc")).isNotBlank().doesNotContain("王秀英");
        assertThat((String) row.get("phone_enc")).isNotBlank().doesNotContain("13912345678");

        String track = mvc.perform(get(url).flashAttr("newCode", code)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(track).contains(code).contains("已收到，等待网格中心核实").contains("您提交了上报")
                .doesNotContain("王秀英").doesNotContain("13912345678");
        // the supervisor's queue holds it like any other report
        SecondTown.actAs(users, "supervisor");
        long id = ((Number) row.get("id")).longValue();
        assertThat(queries.details(id).source()).isEqualTo(IssueSource.PUBLIC);
        assertThat(queries.details(id).actions()).contains(IssueAction.FILE, IssueAction.REJECT);
    }

    @Test
    void theSupervisorSeesTheContactOnPurposeAndAuditedOthersDoNot() throws Exception {
        String url = mvc.perform(report("FACILITY_LAMP", "115.0259", "37.5829", "10.19.6.1")
                .param("name", "刘阿姨").param("phone", "13600002222").with(csrf())).andReturn().getResponse().getRedirectedUrl();
        long id = jdbc.queryForObject("select issue_id from public_report where tracking_code = ?", Long.class,
                url.substring(url.lastIndexOf('/') + 1));
        var supervisor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("supervisor"));
        assertThat(mvc.perform(get("/issues/" + id).with(supervisor)).andReturn().getResponse().getContentAsString())
                .contains("id=\"resident-contact\"").doesNotContain("13600002222");
        assertThat(mvc.perform(get("/issues/" + id + "/resident-contact").with(supervisor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("刘阿姨").contains("13600002222");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PUBLIC_CONTACT_VIEWED' and target_id = ?",
                Integer.class, String.valueOf(id))).isPositive();
        // grid staff who see the issue but do not handle it, and staff elsewhere: 404
        for (String other : List.of("staff", "staff2")) {
            mvc.perform(get("/issues/" + id + "/resident-contact").with(org.springframework.security.test.web.servlet
                    .request.SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(other))))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void aPointOutsideTheTerritoryIsRefusedPolitelyAndNothingIsFiled() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from public_report", Integer.class);
        String page = mvc.perform(report("FACILITY_LAMP", "18.4", "-33.9", "10.19.0.3").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("不在本辖区范围内").contains("路灯不亮了");
        String noCategory = mvc.perform(report("DISPUTE_FAMILY", "115.0260", "37.5830", "10.19.0.3").with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(noCategory).contains("请选择问题类型");
        assertThat(jdbc.queryForObject("select count(*) from public_report", Integer.class)).isEqualTo(before);
    }

    @Test
    void aRobotFillingTheHoneypotFilesNothing() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from public_report", Integer.class);
        mvc.perform(report("FACILITY_LAMP", "115.0260", "37.5830", "10.19.0.4").param("website", "http://spam")
                .with(csrf())).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from public_report", Integer.class)).isEqualTo(before);
    }

    @Test
    void theDeviceLimitRefusesTheNextReportWithAClearMessage() throws Exception {
        Cookie device = new Cookie("gw_device", "0b6f5c1e-3a52-4c6e-9a57-6c1d3b9e2f10");
        for (int i = 0; i < 3; i++) {
            mvc.perform(report("ENV_GARBAGE", "115.0260", "37.5830", "10.19.1." + i).cookie(device).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        String fourth = mvc.perform(report("ENV_GARBAGE", "115.0260", "37.5830", "10.19.1.9").cookie(device)
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fourth).contains("已提交 3 次上报").contains("请稍后再试");
    }

    @Test
    void theAddressLimitHoldsWhateverDeviceCookieIsSent() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(report("ENV_NOISE", "115.0260", "37.5830", "10.19.2.1").with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        String eleventh = mvc.perform(report("ENV_NOISE", "115.0260", "37.5830", "10.19.2.1").with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(eleventh).contains("请稍后再试");
    }

    @Test
    void anOpenIssueOfTheSameCategoryNearbyIsOfferedToFollowInstead() throws Exception {
        MvcResult first = mvc.perform(report("FACILITY_MANHOLE", "115.0270", "37.5836", "10.19.3.1").with(csrf()))
                .andReturn();
        String code = first.getResponse().getRedirectedUrl().substring("/public/track/".length());
        String again = mvc.perform(firstReport("FACILITY_MANHOLE", "115.0271", "37.5836", "10.19.3.2").with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(again).contains("已有人上报了这个问题").contains("/public/track/" + code);
        mvc.perform(report("FACILITY_MANHOLE", "115.0271", "37.5836", "10.19.3.2").with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void afterClosureTheResidentRatesOnceAndNotSatisfiedLetsTheSupervisorReopen() throws Exception {
        String url = mvc.perform(report("FACILITY_ROAD", "115.0262", "37.5828", "10.19.4.1").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        String code = url.substring("/public/track/".length());
        long id = jdbc.queryForObject("select issue_id from public_report where tracking_code = ?", Long.class, code);
        assertThatThrownBy(() -> reports.rate(code, PublicReports.Satisfaction.SATISFIED, null))
                .isInstanceOf(BusinessRuleException.class).hasMessage("public.error.notClosed");
        long staff = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        SecondTown.actAs(users, "supervisor");
        issues.file(id, version(id), null);
        issues.dispatchToStaff(id, version(id), staff, null);
        SecondTown.actAs(users, "staff");
        issues.accept(id, version(id));
        issues.reportHandled(id, version(id), "已修补路面（网格员张三）", List.of());
        SecondTown.actAs(users, "supervisor");
        issues.verifyAndClose(id, version(id), "内部备注：费用 300 元");
        SecurityContextHolder.clearContext();

        String closed = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        assertThat(closed).contains("已办结").contains("rating-form").contains("核查通过，已办结")
                .doesNotContain("张三").doesNotContain("内部备注").doesNotContain("网格员");
        mvc.perform(multipart(url + "/rating").param("satisfaction", "UNSATISFIED").param("comment", "还是坑坑洼洼")
                .with(csrf())).andExpect(status().is3xxRedirection());
        String rated = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        assertThat(rated).contains("您的评价").contains("不满意").doesNotContain("rating-form");
        assertThatThrownBy(() -> reports.rate(code, PublicReports.Satisfaction.SATISFIED, null))
                .isInstanceOf(BusinessRuleException.class).hasMessage("public.error.alreadyRated");

        SecondTown.actAs(users, "supervisor");
        assertThat(queries.details(id).actions()).contains(IssueAction.REOPEN);
        issues.reopenForRework(id, version(id), "群众不满意，返工");
        assertThat(queries.details(id).status()).isEqualTo(IssueStatus.DISPATCHED);
        assertThat(queries.details(id).actions()).doesNotContain(IssueAction.REOPEN);
        SecurityContextHolder.clearContext();
        String reopened = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        assertThat(reopened).contains("根据您的评价重新处理");
    }

    @Test
    void theSatisfactionRateJoinsTheDashboardAndItsListCountsTheSameRatings() throws Exception {
        String url = mvc.perform(report("FACILITY_WATER", "115.0258", "37.5826", "10.19.5.1").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        String code = url.substring("/public/track/".length());
        closeAsTheLoopWould(jdbc.queryForObject("select issue_id from public_report where tracking_code = ?", Long.class, code));
        reports.rate(code, PublicReports.Satisfaction.SATISFIED, "很快就修好了");
        dashboard.refreshNow();
        SecondTown.actAs(users, "supervisor");
        java.time.YearMonth month = dashboard.month(null);
        org.gridwork.dashboard.DashboardView town = dashboard.view(null, month);
        long rated = town.totals().base(org.gridwork.shared.dashboard.Figure.PUBLIC_SATISFACTION);
        long satisfied = town.totals().numerator(org.gridwork.shared.dashboard.Figure.PUBLIC_SATISFACTION);
        assertThat(rated).isPositive();
        assertThat(satisfied).isPositive();
        String list = town.listUrls().get(org.gridwork.shared.dashboard.Figure.PUBLIC_SATISFACTION);
        assertThat(list).startsWith("/issues/ratings?region=" + town.node().code());
        String page = mvc.perform(get(list).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("supervisor"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-total=\"" + rated + "\"").contains("data-satisfied=\"" + satisfied + "\"")
                .contains("满意");
        String dashboardPage = mvc.perform(get("/dashboard").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("supervisor"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboardPage).contains("figure-PUBLIC_SATISFACTION").contains("群众满意率");
    }

    private void closeAsTheLoopWould(long id) {
        long staff = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        SecondTown.actAs(users, "supervisor");
        issues.file(id, version(id), null);
        issues.dispatchToStaff(id, version(id), staff, null);
        SecondTown.actAs(users, "staff");
        issues.accept(id, version(id));
        issues.reportHandled(id, version(id), "已处理", List.of());
        SecondTown.actAs(users, "supervisor");
        issues.verifyAndClose(id, version(id), null);
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUnknownOrMalformedCodeIsNotFound() throws Exception {
        mvc.perform(get("/public/track/ZZZZZZZZZZ")).andExpect(status().isNotFound());
        mvc.perform(get("/public/track/1")).andExpect(status().isNotFound());
        mvc.perform(get("/public/track").param("code", "abc")).andExpect(status().isOk());
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from issue where id = ?", Long.class, id);
    }
}
