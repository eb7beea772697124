package org.gridwork.resident;

import java.util.List;
import java.util.UUID;

/**
 * A checked import file, not yet saved: how many rows are fine, and a report line for each
 * problem (the row's line in the file, the column, the reason as a message key).
 */
public record ImportPreview(UUID token, String fileName, int rows, int validRows, List<Problem> problems,
        boolean imported) {

    public record Problem(int line, String column, String messageKey, Object[] args) {
    }
}
