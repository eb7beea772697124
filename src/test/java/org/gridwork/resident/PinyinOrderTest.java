package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Issue 18: the register in pinyin order, and names found by the initials of any of their readings. */
@IntegrationTest
@WithUserDetails("staff")
class PinyinOrderTest {

    @Autowired ResidentService residents;
    @Autowired Grids grids;
    @Autowired JdbcTemplate jdbc;
    @Autowired ResidentBackfill backfill;

    long register(String name) {
        long grid = grids.findGridByCode("130528112201-002").orElseThrow().id();
        return residents.register(new ResidentDraft(name, TestResidents.nextIdNumber(LocalDate.of(1980, 4, 4), true), null,
                Registration.REGISTERED, grid, "拼音街", null, null, null, Set.of()));
    }

    List<String> names(String q) {
        return residents.search(new ResidentQuery(q, null, null, ResidentStatus.LIVING, ResidentQuery.Sort.NAME, null,
                null, 50)).items().stream().map(ResidentSummary::name).toList();
    }

    @Test
    void namesAreListedInPinyinOrderNotByCharacterCode() {
        for (String name : List.of("吴序甲", "刘序甲", "曹序甲", "侯序甲")) {
            register(name);
        }
        assertThat(names("序甲")).containsExactly("曹序甲", "侯序甲", "刘序甲", "吴序甲");
        // the next page starts after the last name in the same order
        List<ResidentSummary> first = residents.search(new ResidentQuery("序甲", null, null, ResidentStatus.LIVING,
                ResidentQuery.Sort.NAME, null, null, 2)).items();
        ResidentSummary last = first.get(first.size() - 1);
        assertThat(residents.search(new ResidentQuery("序甲", null, null, ResidentStatus.LIVING, ResidentQuery.Sort.NAME,
                last.name(), last.id(), 2)).items()).extracting(ResidentSummary::name).containsExactly("刘序甲", "吴序甲");
    }

    @Test
    void namesAreFoundByTheInitialsOfEveryReading() {
        long shan = register("单田芳");
        long zhang = register("张梓萱");
        register("刘鑫");
        assertThat(names("stf")).contains("单田芳");
        assertThat(names("dtf")).contains("单田芳");
        assertThat(names("zzx")).contains("张梓萱");
        assertThat(names("lx")).contains("刘鑫");
        assertThat(jdbc.queryForObject("select name_initials from resident where id = ?", String.class, shan)).isEqualTo("stf");

        // a row written before the keys existed: the start-up job gives it its readings
        jdbc.update("update resident set name_initials = 'z', name_initials_keys = null where id = ?", zhang);
        while (backfill.pinyinBatch() > 0) {
            // until none is left
        }
        assertThat(jdbc.queryForObject("select name_initials from resident where id = ?", String.class, zhang)).isEqualTo("zzx");
        assertThat(names("zzx")).contains("张梓萱");
    }
}
