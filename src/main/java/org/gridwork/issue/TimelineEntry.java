package org.gridwork.issue;

import java.time.Instant;

/** A timeline line for the issue page. {@code action} is also the message key suffix. */
public record TimelineEntry(Instant at, String actorName, String action, IssueStatus from, IssueStatus to, String comment) {
}
