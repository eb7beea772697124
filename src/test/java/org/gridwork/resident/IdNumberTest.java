package org.gridwork.resident;

import org.gridwork.shared.text.PhoneNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.gridwork.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 29);

    @Test
    void derivesBirthDateAndGenderFromAValidNumber() {
        // the GB 11643 example number
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(IdNumber.Gender.F);
        assertThat(id.masked()).isEqualTo("110105********002X");

        IdNumber man = IdNumber.parse("130528198001010016", TODAY);
        assertThat(man.gender()).isEqualTo(IdNumber.Gender.M);
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
    }

    @Test
    void acceptsALowerCaseXAndSpacesAndNormalisesThem() {
        assertThat(IdNumber.parse(" 110105 19491231 002x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @CsvSource({
            "110105194912310021, resident.id.checksum",
            "11010519491231002Y, resident.id.characters",
            "110105194902300020, resident.id.date",
            "110105199913310024, resident.id.date",
            "110105210001010023, resident.id.date",
            "110105491231002, resident.id.legacy15",
            "1101051949123100, resident.id.length",
            "011005194912310021, resident.id.area",
            "'', resident.id.blank"})
    void refusesBadNumbersWithAMessageSayingWhatIsWrong(String raw, String key) {
        assertThatThrownBy(() -> IdNumber.parse(raw, TODAY))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo(key);
    }

    @Test
    void checkCharacterTenIsWrittenX() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void phoneNumbersMobileAndLandline() {
        assertThat(PhoneNumber.parse("+86 138 1234 5678")).isEqualTo("13812345678");
        assertThat(PhoneNumber.parse("0319-5012345")).isEqualTo("0319-5012345");
        assertThat(PhoneNumber.parse("")).isNull();
        assertThatThrownBy(() -> PhoneNumber.parse("12345")).isInstanceOf(BusinessRuleException.class);
        assertThat(PhoneNumber.mask("13812345678")).isEqualTo("138****5678");
    }
}
