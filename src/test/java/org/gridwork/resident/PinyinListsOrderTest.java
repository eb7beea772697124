package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Issue 18: household members (after the head) and lists built from resident summaries in the register's pinyin order. */
@IntegrationTest
@WithUserDetails("staff")
class PinyinListsOrderTest {

    @Autowired
    ResidentService residents;
    @Autowired
    Households households;
    @Autowired
    Grids grids;

    private final java.util.Map<Long, String> idNumbers = new java.util.HashMap<>();

    private long register(String name, int year) {
        String number = TestResidents.nextIdNumber(LocalDate.of(year, 1, 1), true);
        long id = residents.register(new ResidentDraft(name, number, null,
                Registration.REGISTERED, grids.findGridByCode("130528112201-001").orElseThrow().id(),
                "侯口一村拼音巷1号", null, null, null, Set.of()));
        idNumbers.put(id, number);
        return id;
    }

    @Test
    void householdMembersAfterTheHeadAndSummariesFollowPinyinNotCharacterCodes() {
        long head = register("吴拼音户主", 1950);
        long cao = register("曹拼音", 1990);
        long hou = register("侯拼音", 1970);
        long liu = register("刘拼音", 1980);
        long household = households.startHousehold(head);
        for (long member : new long[] {liu, cao, hou}) {
            households.addMember(household, idNumbers.get(member), Relation.OTHER);
        }
        assertThat(households.household(household).members()).extracting(m -> m.resident().name())
                .containsExactly("吴拼音户主", "曹拼音", "侯拼音", "刘拼音");
        assertThat(residents.summaries(java.util.List.of(liu, head, hou, cao)).values())
                .extracting(ResidentSummary::name).containsExactly("曹拼音", "侯拼音", "刘拼音", "吴拼音户主");
    }
}
