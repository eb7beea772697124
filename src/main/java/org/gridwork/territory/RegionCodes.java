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

    /**
     * The short form of a parent code, normalised by the level the parent must have: the level
     * right above the row's. A 12-digit code is ambiguous without it ({@code 441900000000} is both
     * 东莞 CITY {@code 4419} and its county-level node {@code 441900}; 金门's town
     * {@code 350527000} is {@code 350527000000} as its county {@code 350527} is). A short code is
     * taken as written (a file may skip a level where the country does). Null when malformed.
     */
    static String normaliseParent(String code, RegionLevel childLevel) {
        if (childLevel.ordinal() == 0 || !code.chars().allMatch(Character::isDigit)) {
            return null;
        }
        RegionLevel parentLevel = RegionLevel.values()[childLevel.ordinal() - 1];
        if (code.length() == 12 && parentLevel != RegionLevel.VILLAGE) {
            return normalise(code, parentLevel);
        }
        for (int length : LENGTHS) {
            if (code.length() == length && length < childLevel.codeLength()) {
                return code;
            }
        }
        return null;
    }

    /**
     * A 12-digit parent code with its zeros stripped as far as they go, for files that skip a
     * level (a county right under its province): used only where the by-level parent does not exist.
     */
    static String strippedParent(String code) {
        if (code.length() != 12 || !code.chars().allMatch(Character::isDigit)) {
            return null;
        }
        for (int length : LENGTHS) {
            if (code.substring(length).chars().allMatch(c -> c == '0')) {
                return code.substring(0, length);
            }
        }
        return code;
    }
}
