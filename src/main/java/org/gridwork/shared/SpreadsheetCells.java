package org.gridwork.shared;

/**
 * The one formula neutraliser of every export (residents, issues, the audit trail, the monthly
 * report): a text cell a spreadsheet would run as a formula ({@code = + - @}, or a tab or carriage
 * return first) gets a leading apostrophe, so an export never carries a formula injection
 * (CWE-1236). Numbers are written as numbers and need none.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The text as a spreadsheet should show it; {@code null} stays {@code null}. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
