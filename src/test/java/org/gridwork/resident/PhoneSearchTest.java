package org.gridwork.resident;

import org.gridwork.shared.text.PhoneNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Issue 18: one phone number, however it is written, is found by one exact search. */
@IntegrationTest
@WithUserDetails("staff")
class PhoneSearchTest {

    @Autowired ResidentService residents;
    @Autowired Grids grids;
    @Autowired JdbcTemplate jdbc;
    @Autowired ResidentBackfill backfill;
    @Autowired FieldEncryptor crypto;

    long register(String name, String phone) {
        long grid = grids.findGridByCode("130528112201-002").orElseThrow().id();
        return residents.register(new ResidentDraft(name, TestResidents.nextIdNumber(LocalDate.of(1971, 7, 7), false), phone,
                Registration.REGISTERED, grid, "电话街", null, null, null, Set.of()));
    }

    List<Long> found(String q) {
        return residents.search(new ResidentQuery(q, null, null, null, ResidentQuery.Sort.NAME, null, null, 20)).items()
                .stream().map(ResidentSummary::id).toList();
    }

    @Test
    void aNumberWrittenThreeWaysIsOneNumber() {
        assertThat(PhoneNumber.e164("010-12345678")).isEqualTo("+861012345678");
        assertThat(PhoneNumber.e164("01012345678")).isEqualTo("+861012345678");
        assertThat(PhoneNumber.e164("+86 10 1234 5678")).isEqualTo("+861012345678");
        assertThat(PhoneNumber.parse("(010) 1234 5678")).isEqualTo("010-12345678");
        assertThat(PhoneNumber.parse("+86 138 1234 5678")).isEqualTo("13812345678");
        assertThat(PhoneNumber.parse("0319-5012345")).isEqualTo("0319-5012345");
        assertThat(PhoneNumber.mask("010-12345678")).isEqualTo("010****5678");
        assertThatThrownBy(() -> PhoneNumber.parse("12345")).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("+1 202 555 0100")).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void anyWayOfWritingTheNumberFindsTheResident() {
        long id = register("电话甲", "01012345678");
        assertThat(found("010-12345678")).containsExactly(id);
        assertThat(found("01012345678")).containsExactly(id);
        assertThat(found("+86 10 1234 5678")).containsExactly(id);
        assertThat(residents.phone(id)).contains("010-12345678");
        long mobile = register("电话乙", "+86 139 0000 1111");
        assertThat(found("13900001111")).containsExactly(mobile);
        assertThat(found("139-0000-1111")).containsExactly(mobile);
    }

    @Test
    void numbersStoredBeforeAreNormalisedByTheStartUpJob() {
        long id = register("电话丙", "0319-7654321");
        // as the register held it before: the number as typed, hashed as typed
        jdbc.update("update resident set phone_enc = ?, phone_index = ?, phone_masked = '031****4321' where id = ?",
                crypto.encrypt("03197654321"), crypto.blindIndex("03197654321"), id);
        assertThat(found("0319-7654321")).isEmpty();
        jdbc.update("delete from resident_backfill where job = ?", ResidentBackfill.PHONE_JOB);
        assertThat(backfill.phones()).isPositive();
        assertThat(found("0319-7654321")).containsExactly(id);
        assertThat(found("+86 319 765 4321")).containsExactly(id);
        assertThat(residents.phone(id)).contains("0319-7654321");
        assertThat(backfill.phones()).as("once only").isZero();
    }
}
