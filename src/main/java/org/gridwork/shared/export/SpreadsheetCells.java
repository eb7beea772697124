package org.gridwork.shared.export;

/** What every export writes into a cell, whatever module it comes from. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * A cell a spreadsheet would run as a formula (= + - @, or tab/CR first) gets a leading
     * apostrophe, so an export can never carry a formula injection (CWE-1236).
     */
    public static String neutralise(String v) {
        if (v == null || v.isEmpty()) {
            return v == null ? "" : v;
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + v : v;
    }
}
