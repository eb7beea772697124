package org.gridwork.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridwork.account.AccountService;
import org.gridwork.care.CarePlanView;
import org.gridwork.care.CareService;
import org.gridwork.resident.Registration;
import org.gridwork.resident.ResidentDraft;
import org.gridwork.resident.ResidentService;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodaySource;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("staff")
class VisitLoggingTest {

    @Autowired
    org.gridwork.shared.time.BusinessTime time;
    @Autowired VisitService visits;
    @Autowired CareService care;
    @Autowired ResidentService residents;
    @Autowired Grids grids;
    @Autowired AccountService accounts;
    @Autowired List<TodaySource> todaySources;
    @Autowired JdbcTemplate jdbc;

    private long newElderlyAlone() {
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        return residents.register(new ResidentDraft("测试老人", TestResidents.nextIdNumber(LocalDate.of(1940, 3, 1), true),
                null, Registration.REGISTERED, grid, "侯口一村测试街1号", null, null, null, Set.of("ELDERLY_ALONE")));
    }

    private VisitDraft visitOn(long residentId, LocalDate on, UUID key) {
        return new VisitDraft(key, residentId, on, VisitKind.CARE, "一切正常", Condition.GOOD, null, 115.03, 37.59, 12.0,
                List.of());
    }

    @Test
    void aNewSpecialGroupMemberIsDueTodayAndAVisitMovesTheDueDateByTheInterval() {
        long id = newElderlyAlone();
        CarePlanView plan = care.plansOf(id).get(0);
        assertThat(plan.nextDue()).isEqualTo(time.today());
        assertThat(plan.intervalDays()).isEqualTo(7);

        visits.log(visitOn(id, time.today().minusDays(2), UUID.randomUUID()));

        CarePlanView after = care.plansOf(id).get(0);
        assertThat(after.lastVisitOn()).isEqualTo(time.today().minusDays(2));
        assertThat(after.nextDue()).isEqualTo(time.today().plusDays(5));
    }

    @Test
    void theSameFormSubmittedTwiceSavesOneVisit() {
        long id = newElderlyAlone();
        UUID key = UUID.randomUUID();
        long first = visits.log(visitOn(id, time.today(), key));
        long second = visits.log(visitOn(id, time.today(), key));
        assertThat(second).isEqualTo(first);
        assertThat(visits.visitsOf(id)).hasSize(1);
    }

    @Test
    void staffTodayListsOverdueAndDueTodayVisitsOldestFirst() {
        long staff = accounts.findByUsername("staff").orElseThrow().id();
        List<TodayItem> items = todaySources.stream().flatMap(s -> s.itemsFor(staff).stream())
                .filter(i -> i.kind().equals("VISIT")).toList();
        assertThat(items).anyMatch(TodayItem::overdue);
        assertThat(items).anyMatch(i -> i.due().equals(time.today()));
        assertThat(items).extracting(TodayItem::due).isSorted();
        assertThat(items).allMatch(i -> i.url().startsWith("/visits/new?residentId="));
    }
}
