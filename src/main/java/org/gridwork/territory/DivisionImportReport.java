package org.gridwork.territory;

import java.util.List;

/**
 * What an import of administrative divisions did: counts when the file was fine, otherwise the
 * problems (at most {@link DivisionImporter#MAX_LISTED_ERRORS} listed, all counted) and nothing imported.
 */
public record DivisionImportReport(int created, int updated, int unchanged, List<Problem> errors, int errorCount) {

    /** One problem with its line number (1 = header line) and a message key with arguments. */
    public record Problem(long line, String messageKey, Object[] args) {
    }

    public boolean ok() {
        return errorCount == 0;
    }

    static DivisionImportReport failed(List<Problem> errors, int errorCount) {
        return new DivisionImportReport(0, 0, 0, List.copyOf(errors), errorCount);
    }
}
