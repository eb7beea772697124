package org.gridwork.resident;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.gridwork.shared.BusinessRuleException;

/**
 * A national ID number (居民身份证号码, GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and a check character (ISO 7064 MOD 11-2, where
 * 10 is written X). Each kind of error has its own message key so the user learns what to fix.
 */
public record IdNumber(String value, LocalDate birthDate, Gender gender) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public enum Gender { M, F }

    /** Validates and normalises (trims, removes inner spaces, upper-cases a final x); a birth after {@code today} is refused. */
    public static IdNumber parse(String raw, LocalDate today) {
        String v = normalise(raw);
        if (v.isEmpty()) {
            throw new BusinessRuleException("resident.id.blank");
        }
        if (v.length() == 15 && v.chars().allMatch(Character::isDigit)) {
            throw new BusinessRuleException("resident.id.legacy15");
        }
        if (v.length() != 18) {
            throw new BusinessRuleException("resident.id.length", v.length());
        }
        if (!v.substring(0, 17).chars().allMatch(Character::isDigit)
                || !(Character.isDigit(v.charAt(17)) || v.charAt(17) == 'X')) {
            throw new BusinessRuleException("resident.id.characters");
        }
        if (v.charAt(0) == '0') {
            throw new BusinessRuleException("resident.id.area");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new BusinessRuleException("resident.id.date", v.substring(6, 14));
        }
        if (birth.isAfter(today) || birth.getYear() < 1880) {
            throw new BusinessRuleException("resident.id.date", v.substring(6, 14));
        }
        char expected = checkCharacter(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            throw new BusinessRuleException("resident.id.checksum");
        }
        Gender gender = (v.charAt(16) - '0') % 2 == 1 ? Gender.M : Gender.F;
        return new IdNumber(v, birth, gender);
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s+", "").toUpperCase();
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** 130528********1234: area code and last four only, as every list and export shows it. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        if (value == null || value.length() < 10) {
            return value;
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }
}
