package org.gridwork.resident;

import java.util.regex.Pattern;

import org.gridwork.shared.BusinessRuleException;

/** A mainland mobile (11 digits, 1[3-9]...) or landline (area code 0xx(x), 7-8 digits) number. */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PhoneNumber() {
    }

    /** Normalised number, or null when blank; refuses anything else with {@code resident.phone.invalid}. */
    public static String parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.replaceAll("[\\s()]", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        }
        if (MOBILE.matcher(v).matches() || LANDLINE.matcher(v).matches()) {
            return v;
        }
        throw new BusinessRuleException("resident.phone.invalid");
    }

    public static String mask(String v) {
        if (v == null || v.length() < 7) {
            return v;
        }
        return v.substring(0, 3) + "****" + v.substring(v.length() - 4);
    }
}
