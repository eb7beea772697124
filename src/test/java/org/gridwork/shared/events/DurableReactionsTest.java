package org.gridwork.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridwork.care.CarePlanView;
import org.gridwork.care.CareService;
import org.gridwork.resident.Registration;
import org.gridwork.resident.ResidentDraft;
import org.gridwork.resident.ResidentService;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.GridBoundaryChanged;
import org.gridwork.territory.Grids;
import org.gridwork.visit.Condition;
import org.gridwork.visit.VisitDraft;
import org.gridwork.visit.VisitKind;
import org.gridwork.visit.VisitLogged;
import org.gridwork.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Reactions between modules go through Spring Modulith's event publication registry (issue 17):
 * recorded with the change, deleted once done, and submitted again when an instance stopped
 * before running them.
 */
@IntegrationTest
@WithUserDetails("staff")
class DurableReactionsTest {

    @Autowired org.gridwork.shared.time.BusinessTime time;
    @Autowired VisitService visits;
    @Autowired CareService care;
    @Autowired ResidentService residents;
    @Autowired Grids grids;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncompletePublicationsJob job;

    private long newElderlyAlone() {
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        return residents.register(new ResidentDraft("登记测试", TestResidents.nextIdNumber(LocalDate.of(1941, 4, 2), true),
                null, Registration.REGISTERED, grid, "侯口一村测试街2号", null, null, null, Set.of("ELDERLY_ALONE")));
    }

    private long incomplete(String eventType) {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null and event_type = ?",
                Long.class, eventType);
    }

    @Test
    void aLoggedVisitMovesTheCarePlanBeforeTheCallReturnsAndLeavesNothingIncomplete() {
        long id = newElderlyAlone();
        visits.log(new VisitDraft(UUID.randomUUID(), id, time.today().minusDays(1), VisitKind.CARE, "好", Condition.GOOD,
                null, null, null, null, List.of()));
        // care listens after commit, synchronously: the "today" screen the staff member returns to agrees
        assertThat(care.plansOf(id).get(0).lastVisitOn()).isEqualTo(time.today().minusDays(1));
        assertThat(incomplete(VisitLogged.class.getName())).isZero();
    }

    @Test
    void aReactionLeftIncompleteByAStoppedInstanceIsSubmittedAgain() {
        long id = newElderlyAlone();
        long grid = care.plansOf(id).get(0).gridId();
        LocalDate visited = time.today().minusDays(3);
        // as an instance that committed a visit and stopped before care had counted it
        jdbc.update("""
                insert into event_publication(id, listener_id, event_type, serialized_event, publication_date, status)
                values (?, ?, ?, ?, now() - interval '1 hour', 'PUBLISHED')""", UUID.randomUUID(),
                "org.gridwork.care.CareService.on(org.gridwork.visit.VisitLogged)", VisitLogged.class.getName(),
                "{\"visitId\":0,\"residentId\":" + id + ",\"gridId\":" + grid + ",\"staffUserId\":0,\"visitedOn\":\""
                        + visited + "\"}");

        job.resubmit();

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CarePlanView plan = care.plansOf(id).get(0);
            assertThat(plan.lastVisitOn()).isEqualTo(visited);
            assertThat(incomplete(VisitLogged.class.getName())).isZero();
        });
    }

    @Test
    void aBoundaryChangeLeftIncompleteIsReadBackWithItsEnvelopeAndCompleted() {
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        // the envelope of a far-away area: nothing lies in it, so only the publication's fate is seen
        jdbc.update("""
                insert into event_publication(id, listener_id, event_type, serialized_event, publication_date, status)
                values (?, ?, ?, ?, now() - interval '1 hour', 'PUBLISHED')""", UUID.randomUUID(),
                "org.gridwork.resident.HomeRelocator.on(org.gridwork.territory.GridBoundaryChanged)",
                GridBoundaryChanged.class.getName(), "{\"gridId\":" + grid + ",\"gridCode\":\"130528112201-001\","
                        + "\"changedArea\":{\"west\":60.0,\"south\":10.0,\"east\":60.01,\"north\":10.01}}");

        job.resubmit();

        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(incomplete(GridBoundaryChanged.class.getName())).isZero());
    }
}
