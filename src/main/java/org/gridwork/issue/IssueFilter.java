package org.gridwork.issue;

import java.time.LocalDate;

/**
 * List filters. {@code view}: MINE (assigned to me, my department's, or reported by me), ALL
 * (everything in my scope), or a supervisor's queue: AWAITING_FILING, AWAITING_VERIFICATION,
 * OVERDUE. {@code before} is the keyset cursor: the smallest id of the previous page.
 */
public record IssueFilter(String view, IssueStatus status, Long categoryId, String regionCode, Boolean overdue,
        LocalDate from, LocalDate to, String text, Long before) {

    public static IssueFilter all() {
        return new IssueFilter("ALL", null, null, null, null, null, null, null, null);
    }
}
