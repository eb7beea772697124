package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.gridwork.care.CarePlanView;
import org.gridwork.care.CareService;
import org.gridwork.shared.NotFoundException;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.GridBoundaryChanged;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("staff")
class ResidentRegisterTest {

    @Autowired
    org.gridwork.shared.time.BusinessTime time;
    @Autowired ResidentService residents;
    @Autowired CareService care;
    @Autowired Grids grids;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    private long grid(String code) {
        return grids.findGridByCode(code).orElseThrow().id();
    }

    private ResidentDraft draft(String id, Set<String> tags) {
        return new ResidentDraft("测试居民", id, "13912345678", Registration.REGISTERED, grid("130528112201-001"),
                "侯口一村团结巷3号", null, null, null, tags);
    }

    @Test
    void theHomesPointDecidesTheGridAndAPointOutsideMyGridsIsRefused() {
        long id = residents.register(new ResidentDraft("东边住户", TestResidents.nextIdNumber(LocalDate.of(1975, 1, 1), true),
                null, null, grid("130528112201-001"), null, 115.045, 37.59, null, Set.of()));
        assertThat(residents.summary(id).gridId()).as("east half of village 201").isEqualTo(grid("130528112201-002"));

        assertThatThrownBy(() -> residents.register(new ResidentDraft("邻村住户",
                TestResidents.nextIdNumber(LocalDate.of(1975, 1, 1), true), null, null, null, null, 115.06, 37.59, null,
                Set.of()))).isInstanceOfSatisfying(ResidentInvalid.class, e -> assertThat(e.problems())
                        .extracting(ResidentInvalid.Problem::messageKey).containsExactly("resident.point.outsideScope"));
    }

    @Test
    void theSameIdNumberTwiceIsRefusedNamingThePersonOnlyWhenInScope() {
        String number = TestResidents.nextIdNumber(LocalDate.of(1966, 6, 6), false);
        long first = residents.register(draft(number, Set.of()));
        assertThatThrownBy(() -> residents.register(draft(number.toLowerCase(), Set.of())))
                .isInstanceOfSatisfying(ResidentInvalid.class, e -> {
                    assertThat(e.problems().get(0).messageKey()).isEqualTo("resident.id.duplicateVisible");
                    assertThat(e.problems().get(0).args()).containsExactly(first, jdbc.queryForObject("select name from resident where id = ?", String.class, first));
                });

        // a resident of staff2's grid: staff learns only that the number exists
        String other = jdbc.queryForObject("select min(r.id)::text from resident r join grid g on g.id = r.grid_id"
                + " where g.code = '130528112202-001'", String.class);
        assertThatThrownBy(() -> residents.summary(Long.parseLong(other))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void birthDateAndGenderComeFromTheIdNumberAndListsMaskIt() {
        String number = TestResidents.nextIdNumber(LocalDate.of(1958, 3, 1), false);
        long id = residents.register(draft(number, Set.of()));
        ResidentSummary r = residents.summary(id);
        assertThat(r.gender()).isEqualTo("F");
        assertThat(r.birthDate()).isEqualTo(IdNumber.parse(number, java.time.LocalDate.of(2026, 11, 29)).birthDate());
        assertThat(r.idNumberMasked()).isEqualTo(number.substring(0, 6) + "********" + number.substring(14));
        assertThat(r.phoneMasked()).isEqualTo("139****5678");
        assertThat(residents.search(new ResidentQuery("13912345678", null, null, null, ResidentQuery.Sort.NAME, null,
                null, 200)).items()).extracting(ResidentSummary::id).contains(id);
        assertThat(residents.search(new ResidentQuery("csjm", null, null, null, ResidentQuery.Sort.NAME, null, null, 200))
                .items()).as("pinyin initials").extracting(ResidentSummary::id).contains(id);
        assertThat(residents.search(new ResidentQuery("测试居", null, null, null, ResidentQuery.Sort.NAME, null, null, 200))
                .items()).extracting(ResidentSummary::id).contains(id);
    }

    @Test
    void removingATagClosesItsCarePlanAndLeavingTheRegisterClosesAll() {
        long id = residents.register(draft(TestResidents.nextIdNumber(LocalDate.of(1945, 1, 1), true),
                Set.of("ELDERLY_ALONE", "LOW_INCOME")));
        assertThat(care.plansOf(id)).filteredOn(CarePlanView::open).hasSize(2);

        residents.setTags(id, Set.of("LOW_INCOME"));
        assertThat(care.plansOf(id)).filteredOn(CarePlanView::open).extracting(CarePlanView::tagCode)
                .containsExactly("LOW_INCOME");

        residents.changeStatus(id, ResidentStatus.DECEASED, time.today(), "病故");
        assertThat(care.plansOf(id)).noneMatch(CarePlanView::open);
        assertThat(residents.summary(id).status()).isEqualTo(ResidentStatus.DECEASED);
        assertThatThrownBy(() -> residents.changeStatus(id, ResidentStatus.LIVING, null, null))
                .hasMessage("resident.status.deceasedFinal");
    }

    @Test
    void aRedrawnBoundaryMovesHomesByLocationAndRecordsIt() {
        long id = residents.register(new ResidentDraft("边界住户", TestResidents.nextIdNumber(LocalDate.of(1980, 8, 8), true),
                null, null, null, null, 115.025, 37.59, null, Set.of("LOW_INCOME")));
        long west = grid("130528112201-001");
        long east = grid("130528112201-002");
        assertThat(residents.summary(id).gridId()).isEqualTo(west);
        // as if the home had been placed by an older boundary of the east grid
        jdbc.update("update resident set grid_id = ? where id = ?", east, id);
        jdbc.update("update care_plan set grid_id = ? where resident_id = ?", east, id);

        // published in a transaction, as the territory module does; homes move after its commit
        transactions.executeWithoutResult(s -> events.publishEvent(new GridBoundaryChanged(west, "130528112201-001", null,
                "{\"type\":\"Polygon\",\"coordinates\":[[[115.02,37.6],[115.035,37.6],[115.035,37.575],[115.02,37.575],[115.02,37.6]]]}")));

        assertThat(residents.summary(id).gridId()).isEqualTo(west);
        assertThat(residents.changes(id)).extracting(ResidentService.ChangeEntry::kind).contains("GRID_REASSIGNED");
        assertThat(care.plansOf(id)).extracting(CarePlanView::gridId).containsOnly(west);
    }

    @Test
    void aVillageFilterListsItsGridsWithinMyScopeOnly() {
        long village201 = grids.findGridByCode("130528112201-001").orElseThrow().villageId();
        long village202 = grids.findGridByCode("130528112202-001").orElseThrow().villageId();
        ResidentPage mine = residents.search(new ResidentQuery(null, null, null, village201, null,
                ResidentQuery.Sort.NAME, null, null, 200));
        assertThat(mine.items()).isNotEmpty().allMatch(r -> r.gridId() == grid("130528112201-001")
                || r.gridId() == grid("130528112201-002"));
        assertThat(residents.search(new ResidentQuery(null, null, null, village202, null, ResidentQuery.Sort.NAME, null,
                null, 200)).items()).isEmpty();
    }

    @Test
    void keysetPagingWalksTheWholeListWithoutRepeats() {
        long west = grid("130528112201-001");
        ResidentQuery q = new ResidentQuery(null, null, west, null, ResidentQuery.Sort.NAME, null, null, 7);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        ResidentPage page = residents.search(q);
        int pages = 0;
        while (true) {
            page.items().forEach(r -> assertThat(seen.add(r.id())).as("no repeats").isTrue());
            pages++;
            if (!page.hasMore() || pages > 5000) {
                break;
            }
            q = q.next(page.items().get(page.items().size() - 1));
            page = residents.search(q);
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(seen).hasSize(jdbc.queryForObject("select count(*) from resident where grid_id = ?", Integer.class,
                west));
    }
}
