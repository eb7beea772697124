package org.gridwork.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class CampaignServiceTest {

    static final String VILLAGE = "130528112201";
    static final String STAFF_GRID = "130528112201-001";

    @Autowired
    CampaignService campaigns;

    @Autowired
    FormService forms;

    @Autowired
    CampaignTodaySource today;

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

    @BeforeEach
    void secondTown() {
        SecondTown.ensure(regions, grids, assignments, accounts);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private void as(String username) {
        SecondTown.actAs(users, username);
    }

    long floodForm() {
        return jdbc.sql("select id from campaign_form where title = '汛期入户排查' order by id limit 1").query(Long.class).single();
    }

    long launchOverVillage(String title) {
        as("supervisor");
        return campaigns.launch(new NewCampaign(title, floodForm(), TargetKind.HOUSEHOLDS, List.of(), VILLAGE,
                campaigns.today(), campaigns.today().plusDays(7), List.of()));
    }

    @Test
    void launchCreatesOneTargetPerHouseholdInTheAreaAndNoneOutside() {
        long id = launchOverVillage("launch test");
        long households = jdbc.sql("""
                select count(*) from household h join grid g on g.id = h.grid_id
                where g.region_path like (select path from region where code = ?) || '%' and g.status = 'ACTIVE'""")
                .param(VILLAGE).query(Long.class).single();
        assertThat(households).isPositive();
        assertThat(jdbc.sql("select count(*) from campaign_target where campaign_id = ?").param(id).query(Long.class).single())
                .isEqualTo(households);
        assertThat(jdbc.sql("select count(distinct household_id) from campaign_target where campaign_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(households);
        assertThat(jdbc.sql("""
                select count(*) from campaign_target t join grid g on g.id = t.grid_id
                where t.campaign_id = ? and g.code not like ? || '%'""").params(id, VILLAGE).query(Long.class).single())
                .isZero();
        assertThat(campaigns.campaign(id).counts().notStarted()).isEqualTo(households);
    }

    @Test
    void aSupervisorCannotLaunchOutsideTheirSubtree() {
        as("supervisor");
        assertThatThrownBy(() -> campaigns.launch(new NewCampaign("x", floodForm(), TargetKind.HOUSEHOLDS, List.of(),
                SecondTown.TOWN, campaigns.today(), campaigns.today().plusDays(1), List.of())))
                .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("campaign.error.area");
    }

    @Test
    void staffSeeOnlyTheirGridsTargetsAndOthersGet404() {
        long id = launchOverVillage("scope test");
        long foreign = jdbc.sql("""
                select t.id from campaign_target t join grid g on g.id = t.grid_id
                where t.campaign_id = ? and g.code = ? limit 1""").params(id, STAFF_GRID).query(Long.class).single();

        as("staff");
        assertThat(campaigns.nextTargets(id, null, null, 100)).allSatisfy(t -> assertThat(t.gridName()).contains("侯口一村"));
        assertThat(campaigns.target(id, foreign).target().id()).isEqualTo(foreign);

        as("staff2");
        assertThatThrownBy(() -> campaigns.target(id, foreign)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> campaigns.record(id, foreign, UUID.randomUUID(), Outcome.NOBODY_HOME, Map.of(), Map.of(),
                null, null)).isInstanceOf(NotFoundException.class);
        as(SecondTown.SUPERVISOR);
        assertThatThrownBy(() -> campaigns.campaign(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> campaigns.progress(id, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> campaigns.targets(id, null, TargetFilter.ALL, 0)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void answersCountOnceAndTheFiguresAgreeWithTheirLists() {
        long id = launchOverVillage("progress test");
        as("staff");
        List<TargetRow> next = campaigns.nextTargets(id, null, null, 3);
        UUID token = UUID.randomUUID();
        Map<String, List<String>> risky = Map.of("q1", List.of("3"), "q2", List.of("NO"), "q3", List.of("NO"),
                "q4", List.of("NO"), "q7", List.of("YES"));
        assertThat(campaigns.record(id, next.get(0).id(), token, Outcome.DONE, risky, Map.of(), null, null)).isTrue();
        assertThat(campaigns.record(id, next.get(0).id(), token, Outcome.DONE, risky, Map.of(), null, null)).isFalse();
        campaigns.record(id, next.get(1).id(), UUID.randomUUID(), Outcome.NOBODY_HOME, Map.of(), Map.of(), null, null);
        assertThatThrownBy(() -> campaigns.record(id, next.get(2).id(), UUID.randomUUID(), Outcome.DONE,
                Map.of("q1", List.of("1")), Map.of(), null, null)).isInstanceOf(AnswerRejectedException.class);

        assertThat(jdbc.sql("select attempts from campaign_target where id = ?").param(next.get(0).id())
                .query(Integer.class).single()).isEqualTo(1);
        as("supervisor");
        List<ProgressRow> rows = campaigns.progress(id, null);
        Counts total = rows.get(0).counts();
        assertThat(total.done()).isEqualTo(1);
        assertThat(total.attempted()).isEqualTo(1);
        assertThat(total.problems()).isEqualTo(1);
        for (ProgressRow row : rows) {
            for (TargetFilter f : TargetFilter.values()) {
                assertThat(campaigns.targets(id, row.nodeCode(), f, 0).total()).as(row.name() + " " + f)
                        .isEqualTo(row.counts().get(f));
            }
        }
        QuestionSummary structure = campaigns.questionSummary(id, null, java.util.Locale.CHINA).get(0);
        assertThat(structure.lines()).filteredOn(l -> l.code().equals("3")).extracting(QuestionSummary.Line::count)
                .containsExactly(1L);
        assertThat(structure.problems()).isEqualTo(1);

        as("staff");
        assertThat(today.itemsFor(accounts.findByUsername("staff").orElseThrow().id()))
                .anySatisfy(i -> assertThat(i.url()).isEqualTo("/campaigns/" + id + "/next"));
    }

    @Test
    void aFormInUseCannotBeEditedButCopiesAsANewVersion() {
        as("supervisor");
        long form = floodForm();
        launchOverVillage("in use");
        assertThatThrownBy(() -> forms.removeQuestion(form, "q1")).isInstanceOf(BusinessRuleException.class)
                .extracting("messageKey").isEqualTo("campaign.form.error.inUse");
        long copy = forms.copyAsNewVersion(form);
        assertThat(forms.form(copy).version()).isGreaterThan(1);
        assertThat(forms.form(copy).familyId()).isEqualTo(forms.form(form).familyId());
        forms.removeQuestion(copy, "q9");
        assertThat(forms.form(copy).questions()).hasSize(forms.form(form).questions().size() - 1);
        // moving a conditional question above the one it depends on would make it point forward
        assertThatThrownBy(() -> forms.moveQuestion(copy, "q5", -1)).extracting("messageKey")
                .isEqualTo("campaign.form.error.conditionForward");
    }
}
