package org.gridwork.territory;

/**
 * Statistical division codes come short ({@code 130528112}) or zero-padded to 12 digits
 * ({@code 130528112000}); both name the same node. Everything stored is the short form.
 */
final class RegionCodes {

    private static final int[] LENGTHS = {2, 4, 6, 9, 12};

    private RegionCodes() {
    }

    /** The short code for a node of this level, or null when the code cannot be one. */
    static String normalise(String code, RegionLevel level) {
        if (!code.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int length = level.codeLength();
        if (code.length() == length) {
            return code;
        }
        if (code.length() == 12 && code.substring(length).chars().allMatch(c -> c == '0')) {
            return code.substring(0, length);
        }
        return null;
    }

    /** The short form of a parent code, whose level the row does not state; null when malformed. */
    static String normaliseParent(String code) {
        if (!code.chars().allMatch(Character::isDigit)) {
            return null;
        }
        if (code.length() == 12) {
            for (int length : LENGTHS) {
                if (code.substring(length).chars().allMatch(c -> c == '0')) {
                    return code.substring(0, length);
                }
            }
        }
        for (int length : LENGTHS) {
            if (code.length() == length) {
                return code;
            }
        }
        return null;
    }
}
