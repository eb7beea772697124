package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.account.CommandLevel;
import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Up the chain through the services and the URLs, on the demo's county: levels, who sees what at
 * each level (404 outside), escalate → county files and dispatches → lead handles → the town
 * verifies, co-handlers, the whistle and the automatic escalation.
 */
@IntegrationTest
class EscalationScopeTest {

    @Autowired IssueService issues;
    @Autowired IssueQueries queries;
    @Autowired Escalations escalations;
    @Autowired Whistles whistles;
    @Autowired AccountService accounts;
    @Autowired Regions regions;
    @Autowired Grids grids;
    @Autowired StaffAssignments assignments;
    @Autowired UserDetailsService users;
    @Autowired DataScope dataScope;
    @Autowired CurrentUsers currentUsers;
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
        SecurityContextHolder.getContext();
        SecondTown.actAs(users, username);
    }

    long version(long id) {
        return jdbc.queryForObject("select version from issue where id = ?", Long.class, id);
    }

    long dept(String code) {
        return accounts.findDepartmentByCode(code).orElseThrow().id();
    }

    /** A report in 侯口一村, filed by the town. */
    long filedIssue(String description) {
        as("staff");
        long category = jdbc.queryForObject("select id from issue_category where code = 'SAFETY_BUILDING'", Long.class);
        long id = issues.report(new ReportCommand(category, Urgency.NORMAL, description, null, null, 115.0275, 37.5875, null,
                null, null, null, null));
        as("supervisor");
        issues.file(id, version(id), null);
        return id;
    }

    @Test
    void levelsFollowTheAssignmentAndTheDepartment() {
        as("county");
        assertThat(dataScope.levelOf(currentUsers.require())).isEqualTo(CommandLevel.COUNTY);
        as("supervisor");
        assertThat(dataScope.levelOf(currentUsers.require())).isEqualTo(CommandLevel.TOWN);
        as("zjj");
        assertThat(dataScope.levelOf(currentUsers.require())).isEqualTo(CommandLevel.COUNTY);
        as("handler");
        assertThat(dataScope.levelOf(currentUsers.require())).isEqualTo(CommandLevel.TOWN);
        as("staff");
        assertThat(dataScope.levelOf(currentUsers.require())).isEqualTo(CommandLevel.GRID);
        // the town dispatches to town offices only; county departments are the county's
        as("supervisor");
        assertThat(queries.departments()).noneMatch(d -> d.county());
        assertThat(escalations.countyDepartments()).extracting(d -> d.name()).contains("宁晋县住房和城乡建设局");
    }

    @Test
    void adminsPutADepartmentAtTheCountyLevel() throws Exception {
        mvc.perform(post("/admin/departments").with(user(users.loadUserByUsername("admin"))).with(csrf())
                        .param("code", "NJ-TEST").param("name", "<b>宁晋县测试局</b>").param("active", "true")
                        .param("level", "COUNTY"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findDepartmentByCode("NJ-TEST").orElseThrow().level()).isEqualTo(CommandLevel.COUNTY);
        mvc.perform(get("/admin/departments").with(user(users.loadUserByUsername("admin"))).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("&lt;b&gt;宁晋县测试局&lt;/b&gt;")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("县直部门")));
        long id = accounts.findDepartmentByCode("NJ-TEST").orElseThrow().id();
        mvc.perform(post("/admin/departments/" + id).with(user(users.loadUserByUsername("admin"))).with(csrf())
                        .param("name", "宁晋县测试局").param("active", "false").param("level", "COUNTY"))
                .andExpect(status().is3xxRedirection());
        as("supervisor");
        assertThat(escalations.countyDepartments()).noneMatch(d -> d.id() == id);
    }

    @Test
    void escalatedIssueGoesUpIsDispatchedAtTheCountyAndComesBackDownForVerification() throws Exception {
        long id = filedIssue("escalation loop: shed roof loose");
        escalations.escalate(id, version(id), "needs the housing bureau");

        // the other town sees nothing of it, at the service and at the URL
        as(SecondTown.SUPERVISOR);
        assertThatThrownBy(() -> queries.details(id)).isInstanceOf(NotFoundException.class);
        assertThat(queries.list(new IssueFilter("ESCALATED", null, null, null, null, null, null, "escalation loop", null)).rows().size())
                .isZero();
        mvc.perform(get("/issues/" + id).with(user(users.loadUserByUsername(SecondTown.SUPERVISOR))))
                .andExpect(status().isNotFound());

        as("county");
        assertThat(queries.details(id).actions()).contains(IssueAction.FILE_AT_COUNTY, IssueAction.DECLINE_ESCALATION)
                .doesNotContain(IssueAction.DISPATCH, IssueAction.REJECT);
        assertThat(queries.list(new IssueFilter("AWAITING_COUNTY", null, null, null, null, null, null, "escalation loop", null)).rows().size())
                .isEqualTo(1);
        escalations.fileAtCounty(id, version(id), null);
        assertThatThrownBy(() -> escalations.dispatchAtCounty(id, version(id), dept("HK-PCS"), List.of(), 5, null))
                .isInstanceOf(BusinessRuleException.class).hasMessage("issue.error.leadRequired");
        escalations.dispatchAtCounty(id, version(id), dept("NJ-ZJJ"), List.of(dept("NJ-YJJ")), 5, "lead the check");

        // departments: the lead and the co-handler see it, the others do not
        as("scjg");
        assertThatThrownBy(() -> queries.details(id)).isInstanceOf(NotFoundException.class);
        as("handler");
        assertThatThrownBy(() -> queries.details(id)).isInstanceOf(NotFoundException.class);
        mvc.perform(get("/issues/" + id).with(user(users.loadUserByUsername("scjg")))).andExpect(status().isNotFound());
        as("yjj");
        assertThat(queries.details(id).actions()).isEmpty();
        assertThat(escalations.chain(id).mayNoteAsCoHandler()).isTrue();
        escalations.noteAsCoHandler(id, "site cordoned off");
        assertThat(queries.list(new IssueFilter("ALL", null, null, null, null, null, null, "escalation loop", null)).rows().size())
                .isEqualTo(1);
        as("zjj");
        assertThat(queries.details(id).actions()).contains(IssueAction.ACCEPT);
        issues.accept(id, version(id));
        issues.reportHandled(id, version(id), "roof removed", List.of());

        // back down: the county does not verify its own work, the town that filed it does
        as("county");
        assertThat(queries.details(id).actions()).doesNotContain(IssueAction.VERIFY_CLOSE);
        as("supervisor");
        assertThat(queries.details(id).actions()).contains(IssueAction.VERIFY_CLOSE, IssueAction.REWORK);
        issues.verifyAndClose(id, version(id), "holds");

        IssueDetails closed = queries.details(id);
        assertThat(closed.status()).isEqualTo(IssueStatus.CLOSED);
        assertThat(closed.timeline()).extracting(TimelineEntry::action).containsSubsequence("ESCALATE", "FILE_AT_COUNTY",
                "DISPATCH_AT_COUNTY", "CO_HANDLER_NOTE", "ACCEPT", "HANDLED", "CLOSE");
        assertThat(closed.timeline()).filteredOn(t -> t.action().equals("DISPATCH_AT_COUNTY")).singleElement()
                .extracting(TimelineEntry::level).isEqualTo(CommandLevel.COUNTY);
        assertThat(closed.timeline()).filteredOn(t -> t.action().equals("CLOSE")).singleElement()
                .extracting(TimelineEntry::level).isEqualTo(CommandLevel.TOWN);
    }

    @Test
    void theCountyMaySendAnEscalationBackToTheTown() {
        long id = filedIssue("escalation declined");
        escalations.escalate(id, version(id), "beyond us");
        as("supervisor");
        assertThat(queries.details(id).actions()).doesNotContain(IssueAction.FILE_AT_COUNTY, IssueAction.DISPATCH);
        as("county");
        escalations.declineEscalation(id, version(id), "the town's to solve");
        as("supervisor");
        assertThat(queries.details(id).actions()).contains(IssueAction.DISPATCH, IssueAction.ESCALATE);
    }

    @Test
    void calledDepartmentsReportAndActOthersSeeNothing() throws Exception {
        long id = filedIssue("whistle: burning tyres");
        assertThat(escalations.chain(id).mayWhistle()).isTrue();
        assertThatThrownBy(() -> whistles.blow(id, List.of(dept("HK-PCS")), null)).isInstanceOf(BusinessRuleException.class)
                .hasMessage("issue.error.whistleDepartments");
        long call = whistles.blow(id, List.of(dept("NJ-SCJG"), dept("NJ-CGJ")), "come at once");

        as("county");
        assertThat(escalations.chain(id).mayWhistle()).isFalse();
        assertThatThrownBy(() -> whistles.blow(id, List.of(dept("NJ-SCJG")), null)).isInstanceOf(BusinessRuleException.class);

        as("sthj");
        assertThatThrownBy(() -> queries.details(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> whistles.acknowledge(id, call)).isInstanceOf(NotFoundException.class);

        as("scjg");
        assertThat(queries.details(id).id()).isEqualTo(id);
        assertThatThrownBy(() -> whistles.recordAction(id, call, "checked")).isInstanceOf(BusinessRuleException.class);
        whistles.acknowledge(id, call);
        assertThatThrownBy(() -> whistles.acknowledge(id, call)).isInstanceOf(BusinessRuleException.class);
        whistles.recordAction(id, call, "stall closed");
        IssueChain chain = escalations.chain(id);
        assertThat(chain.whistles()).singleElement().satisfies(w -> assertThat(w.answers())
                .extracting(IssueChain.WhistleAnswer::state).containsExactlyInAnyOrder("ACTED", "WAITING"));
        assertThat(queries.details(id).timeline()).extracting(TimelineEntry::action)
                .contains("WHISTLE", "WHISTLE_ACK", "WHISTLE_ACTION");

        mvc.perform(post("/issues/" + id + "/whistle/" + call + "/ack").with(user(users.loadUserByUsername("sthj"))).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anIssueOverdueAtTheTownTooLongGoesUpByItself() {
        long id = filedIssue("auto escalation: overdue long ago");
        long staff = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        issues.dispatchToStaff(id, version(id), staff, null);
        assertThat(escalations.escalateAutomatically(id)).isFalse();
        jdbc.update("update issue set deadline = now() - interval '10 days', overdue = true where id = ?", id);
        assertThat(escalations.overdueAtTown(issues.now(), 100_000)).contains(id);
        assertThat(escalations.escalateAutomatically(id)).isTrue();
        assertThat(escalations.escalateAutomatically(id)).isFalse();
        assertThat(jdbc.queryForObject("select handling_level from issue where id = ?", String.class, id)).isEqualTo("COUNTY");
        for (String who : List.of("county", "supervisor")) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from notification n join app_user u on u.id = n.user_id
                    where u.username = ? and n.url = ? and n.message_key = 'notification.issue.autoEscalated'""",
                    Integer.class, who, "/issues/" + id)).as(who).isEqualTo(1);
        }
        as("county");
        assertThat(queries.details(id).timeline()).extracting(TimelineEntry::action).contains("AUTO_ESCALATE");
    }
}
