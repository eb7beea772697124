package org.gridwork.shared.text;

import java.util.regex.Pattern;

import org.gridwork.shared.BusinessRuleException;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A mainland mobile (11 digits, 1[3-9]...) or landline (area code 0xx(x), 7-8 digits) number,
 * however it is written: 010-12345678, 01012345678, (010) 1234 5678 and +86 10 1234 5678 are one
 * number. libphonenumber reads it (region CN); {@link #parse} gives the form people read
 * (13812345678, 010-12345678) and {@link #e164} the one form the keyed hash is taken of, so an
 * exact search finds the number whichever way it was typed.
 */
public final class PhoneNumber {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("[1-9]\\d{1,2}\\d{7,8}");

    private PhoneNumber() {
    }

    /** The number as people read it, or null when blank; refuses anything else with {@code resident.phone.invalid}. */
    public static String parse(String raw) {
        Phonenumber.PhoneNumber n = read(raw);
        if (n == null) {
            return null;
        }
        String national = String.valueOf(n.getNationalNumber());
        if (MOBILE.matcher(national).matches()) {
            return national;
        }
        int area = UTIL.getLengthOfGeographicalAreaCode(n);
        if (area < 2 || area > 3) {
            area = national.startsWith("10") || national.startsWith("2") ? 2 : 3; // Beijing 010, the 02x cities
        }
        return "0" + national.substring(0, area) + "-" + national.substring(area);
    }

    /** The number in E.164 (+8613812345678), or null when blank: what the blind index is computed from. */
    public static String e164(String raw) {
        Phonenumber.PhoneNumber n = read(raw);
        return n == null ? null : UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static Phonenumber.PhoneNumber read(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(raw.strip(), "CN");
            String national = String.valueOf(n.getNationalNumber());
            if (n.getCountryCode() == 86 && (MOBILE.matcher(national).matches() || LANDLINE.matcher(national).matches())) {
                return n;
            }
        } catch (NumberParseException e) {
            // refused below, as any other number that is not a mainland one
        }
        throw new BusinessRuleException("resident.phone.invalid");
    }

    /** 138****5678, 010****5678: the first three and the last four characters of the readable form. */
    public static String mask(String v) {
        if (v == null) {
            return null;
        }
        String digits = v.startsWith("+") ? v : v.replace("-", "");
        if (digits.length() < 7) {
            return digits;
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
