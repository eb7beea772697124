package org.gridwork.issue;

import java.time.Instant;

/** One line of an issue list. */
public record IssueRow(long id, IssueStatus status, Urgency urgency, long categoryId, String description, String gridCode,
        Instant reportedAt, Instant deadline, boolean overdue) {
}
