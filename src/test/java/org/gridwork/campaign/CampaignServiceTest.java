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

    /**
     * The town's and the villages' figures come from roll-ups kept per node (V121), the grids' from the
     * per-grid rows: after answers in two villages, and a nobody-home later done, every level agrees with
     * the level below it and with the targets themselves.
     */
    @Test
    void theTownAndVillageRollUpsAgreeWithTheirGridsAndTheTargets() {
        as("supervisor");
        long id = campaigns.launch(new NewCampaign("roll-up test", floodForm(), TargetKind.HOUSEHOLDS, List.of(), "130528112",
                campaigns.today(), campaigns.today().plusDays(7), List.of()));
        Map<String, List<String>> risky = Map.of("q1", List.of("3"), "q2", List.of("NO"), "q3", List.of("NO"),
                "q4", List.of("NO"), "q7", List.of("YES"));
        as("staff");
        List<TargetRow> mine = campaigns.nextTargets(id, null, null, 2);
        campaigns.record(id, mine.get(0).id(), UUID.randomUUID(), Outcome.DONE, risky, Map.of(), null, null);
        campaigns.record(id, mine.get(1).id(), UUID.randomUUID(), Outcome.NOBODY_HOME, Map.of(), Map.of(), null, null);
        as("staff2");
        campaigns.record(id, campaigns.nextTargets(id, null, null, 1).get(0).id(), UUID.randomUUID(), Outcome.DONE, risky,
                Map.of(), null, null);
        as("staff");
        campaigns.record(id, mine.get(1).id(), UUID.randomUUID(), Outcome.DONE, risky, Map.of(), null, null);

        as("supervisor");
        List<ProgressRow> town = campaigns.progress(id, null);
        Counts total = town.get(0).counts();
        assertThat(total.done()).isEqualTo(3);
        assertThat(total.attempted()).isZero();
        assertThat(total.problems()).isEqualTo(3);
        assertThat(total.total()).isEqualTo(jdbc.sql("select count(*) from campaign_target where campaign_id = ?")
                .param(id).query(Long.class).single());
        assertThat(town.subList(1, town.size())).as("villages").hasSizeGreaterThan(1);
        assertThat(sum(town.subList(1, town.size()))).isEqualTo(total);
        long q1Of3InVillages = 0;
        for (ProgressRow village : town.subList(1, town.size())) {
            List<ProgressRow> grids = campaigns.progress(id, village.nodeCode());
            assertThat(grids.get(0).counts()).as(village.name()).isEqualTo(village.counts());
            assertThat(sum(grids.subList(1, grids.size()))).as(village.name() + "'s grids").isEqualTo(village.counts());
            q1Of3InVillages += count(campaigns.questionSummary(id, village.nodeCode(), java.util.Locale.CHINA).get(0), "3");
        }
        QuestionSummary q1 = campaigns.questionSummary(id, null, java.util.Locale.CHINA).get(0);
        assertThat(count(q1, "3")).isEqualTo(3).isEqualTo(q1Of3InVillages);
        assertThat(q1.answered()).isEqualTo(3);
        long doneInStaffGrid = jdbc.sql("""
                select count(*) from campaign_target t join grid g on g.id = t.grid_id
                where t.campaign_id = ? and g.code = ? and t.status = 'DONE'""").params(id, STAFF_GRID).query(Long.class).single();
        assertThat(doneInStaffGrid).isPositive();
        assertThat(campaigns.questionSummary(id, STAFF_GRID, java.util.Locale.CHINA).get(0).answered()).isEqualTo(doneInStaffGrid);
    }

    private static Counts sum(List<ProgressRow> rows) {
        return rows.stream().map(ProgressRow::counts).reduce(Counts.NONE, Counts::plus);
    }

    private static long count(QuestionSummary question, String code) {
        return question.lines().stream().filter(l -> l.code().equals(code)).mapToLong(QuestionSummary.Line::count).sum();
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

    @Test
    void aClosedCampaignLeavesTheStaffsListsTakesNoAnswersButStaysReadable() {
        long id = launchOverVillage("closing test");
        as("staff");
        List<TargetRow> next = campaigns.nextTargets(id, null, null, 2);
        campaigns.record(id, next.get(0).id(), UUID.randomUUID(), Outcome.NOBODY_HOME, Map.of(), Map.of(), null, null);
        long staffId = accounts.findByUsername("staff").orElseThrow().id();
        assertThat(campaigns.myCampaigns()).extracting(MyCampaign::id).contains(id);
        assertThatThrownBy(() -> campaigns.close(id)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        as("admin");
        CampaignSummary before = campaigns.campaign(id);
        as("supervisor");
        assertThat(campaigns.mayClose(campaigns.campaign(id))).isTrue();
        campaigns.close(id);
        assertThat(campaigns.campaign(id).closed()).isTrue();
        assertThatThrownBy(() -> campaigns.close(id)).isInstanceOf(BusinessRuleException.class)
                .extracting("messageKey").isEqualTo("campaign.error.alreadyClosed");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CAMPAIGN_CLOSED' and target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

        as("staff");
        assertThat(campaigns.myCampaigns()).extracting(MyCampaign::id).doesNotContain(id);
        assertThat(today.itemsFor(staffId)).noneSatisfy(i -> assertThat(i.url()).isEqualTo("/campaigns/" + id + "/next"));
        assertThatThrownBy(() -> campaigns.record(id, next.get(1).id(), UUID.randomUUID(), Outcome.NOBODY_HOME, Map.of(),
                Map.of(), null, null)).isInstanceOf(BusinessRuleException.class).extracting("messageKey")
                .isEqualTo("campaign.error.closed");
        assertThat(campaigns.target(id, next.get(1).id()).target().status()).isEqualTo(TargetStatus.NOT_STARTED);

        // progress and the lists behind it stay as they were
        as("supervisor");
        assertThat(campaigns.progress(id, null).get(0).counts()).isEqualTo(before.counts());
        assertThat(campaigns.targets(id, null, TargetFilter.ATTEMPTED, 0).total()).isEqualTo(1);
    }

    @Test
    void onlyTheLaunchingSupervisorOrAnAdminMayClose() {
        long id = launchOverVillage("owner test");
        as("admin");
        long other = campaigns.launch(new NewCampaign("admin's", floodForm(), TargetKind.HOUSEHOLDS, List.of(), VILLAGE,
                campaigns.today(), campaigns.today().plusDays(7), List.of()));
        as("supervisor");
        assertThat(campaigns.mayClose(campaigns.campaign(other))).isFalse();
        assertThatThrownBy(() -> campaigns.close(other)).isInstanceOf(BusinessRuleException.class)
                .extracting("messageKey").isEqualTo("campaign.error.notOwner");
        as("admin");
        campaigns.close(id);
        campaigns.close(other);
        assertThat(campaigns.campaign(id).closed()).isTrue();
    }

    @Autowired
    org.gridwork.resident.ResidentService residentService;

    @Autowired
    org.gridwork.resident.ResidentTargets residentTargets;

    /** Living residents of the village (inside) and of another village of the same town (outside). */
    List<Long> livingResidents(boolean inVillage, int n) {
        return jdbc.sql("""
                select r.id from resident r join grid g on g.id = r.grid_id
                where r.status = 'LIVING' and g.status = 'ACTIVE' and (g.code like ? || '%') = ?
                  and g.code like '130528112%' order by r.id limit ?""").params(VILLAGE, inVillage, n)
                .query(Long.class).list();
    }

    static String validUnregisteredIdNumber() {
        String first17 = "13052819560412123";
        return first17 + org.gridwork.resident.IdNumber.checkCharacter(first17);
    }

    @Test
    void aListCampaignTargetsExactlyTheListedPeopleOfTheAreaAndSaysWhyTheOthersAreLeftOut() {
        as("supervisor");
        List<Long> inside = livingResidents(true, 3);
        long outside = livingResidents(false, 1).get(0);
        String a = residentService.revealIdNumber(inside.get(0));
        String b = residentService.revealIdNumber(inside.get(1));
        String c = residentService.revealIdNumber(inside.get(2));
        String nameA = residentService.summary(inside.get(0)).name();
        String csv = "身份证号,姓名,备注\r\n"
                + a + "," + nameA + ",独居老人\r\n"          // line 2: matched, with its note
                + b.toLowerCase() + ",,\r\n"                // line 3: matched (a final x in lower case is the same number)
                + a + ",,\r\n"                              // line 4: the same number again
                + residentService.revealIdNumber(outside) + ",,\r\n" // line 5: lives in another village
                + validUnregisteredIdNumber() + ",,\r\n"     // line 6: not in the register
                + c + ",某某某,\r\n"                          // line 7: someone else's name
                + "13052819560412123,,\r\n";                // line 8: 17 digits
        // as Excel saves "CSV" on a Chinese Windows: GBK, no BOM
        List<org.gridwork.resident.ResidentTargets.ListedPerson> people = residentTargets.readList(
                csv.getBytes(java.nio.charset.Charset.forName("GBK")), "名单.csv");
        assertThat(people).hasSize(7);
        var check = campaigns.checkList(VILLAGE, people);
        assertThat(check.matched()).extracting(org.gridwork.resident.ResidentTargets.Matched::residentId)
                .containsExactly(inside.get(0), inside.get(1));
        assertThat(check.rejected()).extracting(r -> r.line() + " " + r.reasonKey()).containsExactly(
                "4 resident.targetList.duplicate", "5 resident.targetList.outside", "6 resident.targetList.notFound",
                "7 resident.targetList.nameDiffers", "8 resident.id.length");
        // the same list in UTF-8 with a BOM reads the same
        byte[] utf8 = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(residentTargets.readList(bom, "list.csv")).isEqualTo(people);

        long id = campaigns.launch(new NewCampaign("名单排查", floodForm(), TargetKind.LIST, List.of(), VILLAGE,
                campaigns.today(), campaigns.today().plusDays(7), people));
        assertThat(jdbc.sql("select resident_id from campaign_target where campaign_id = ? order by resident_id").param(id)
                .query(Long.class).list()).containsExactlyInAnyOrder(inside.get(0), inside.get(1));
        assertThat(jdbc.sql("select note from campaign_target where campaign_id = ? and resident_id = ?")
                .params(id, inside.get(0)).query(String.class).single()).isEqualTo("独居老人");
        assertThat(campaigns.campaign(id).counts().total()).isEqualTo(2);
        assertThat(campaigns.campaign(id).targetKind()).isEqualTo(TargetKind.LIST);
    }

    @Test
    void aListFileThatCannotBeUsedIsRefusedWithAReason() {
        as("supervisor");
        assertThatThrownBy(() -> residentTargets.readList(new byte[0], "x.csv")).extracting("messageKey")
                .isEqualTo("resident.targetList.empty");
        assertThatThrownBy(() -> residentTargets.readList("身份证号,姓名\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "x.csv")).extracting("messageKey").isEqualTo("resident.targetList.empty");
        assertThatThrownBy(() -> residentTargets.readList("编号,地址\r\n1,幸福路\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "x.csv")).extracting("messageKey").isEqualTo("resident.targetList.noIdColumn");
        // a picture chosen by mistake: neither UTF-8 nor GBK text
        assertThatThrownBy(() -> residentTargets.readList(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16},
                "photo.csv")).extracting("messageKey").isEqualTo("resident.import.encoding");
        assertThatThrownBy(() -> residentTargets.readList(new byte[org.gridwork.resident.ResidentTargets.MAX_LIST_BYTES + 1],
                "huge.csv")).extracting("messageKey").isEqualTo("resident.targetList.tooBig");
        StringBuilder many = new StringBuilder("id_number\n");
        for (int i = 0; i <= org.gridwork.resident.ResidentTargets.MAX_LIST_ROWS; i++) {
            many.append(validUnregisteredIdNumber()).append('\n');
        }
        assertThatThrownBy(() -> residentTargets.readList(many.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "many.csv")).extracting("messageKey").isEqualTo("resident.targetList.tooMany");
        // a list without a header: ID numbers in the first column
        assertThat(residentTargets.readList((validUnregisteredIdNumber() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "bare.csv")).hasSize(1);
        // nobody of the list in the area: nothing to launch
        assertThatThrownBy(() -> campaigns.launch(new NewCampaign("空名单", floodForm(), TargetKind.LIST, List.of(), VILLAGE,
                campaigns.today(), campaigns.today().plusDays(7), List.of(new org.gridwork.resident.ResidentTargets.ListedPerson(
                        2, validUnregisteredIdNumber(), "", ""))))).extracting("messageKey").isEqualTo("campaign.error.listEmpty");
    }
}
