package org.gridwork.issue;

import java.time.Instant;

/**
 * A timeline line for the issue page. {@code action} is also the message key suffix; {@code level}
 * the level the actor acted at (null for the system, admins and lines older than V90).
 */
public record TimelineEntry(Instant at, String actorName, String action, IssueStatus from, IssueStatus to, String comment,
        org.gridwork.account.CommandLevel level) {
}
