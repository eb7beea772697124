package org.gridwork.resident;

/**
 * A resident named for a reader in another module's page (an issue's linked people): the full
 * name with a link for those whose grids hold the resident, the surname and stars for others
 * (a department handler sees "张**", as lists of people outside one's remit are masked).
 */
public record ResidentLabel(long id, String name, boolean open) {

    /** Keeps the first character, one star for each of the others. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
