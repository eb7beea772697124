package org.gridwork.issue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Everything the issue page shows, with the actions the current user may take. */
public record IssueDetails(long id, long version, IssueStatus status, Urgency urgency, IssueSource source,
        CategorySummary category, CategorySummary majorCategory, String description, String address,
        String peopleInvolved, Double longitude, Double latitude, Long gridId, String gridCode, String gridName,
        String reporterName, Long visitId, Long duplicateOfId, String assigneeName, Long assigneeUserId,
        Long assigneeDepartmentId, Instant reportedAt, Instant dispatchedAt, Instant deadline, Instant originalDeadline,
        boolean overdue, int warningLevel, Instant extensionRequestedUntil, String extensionReason, Instant handledAt,
        String feedback, Instant verifyDeadline, int reworkCount, Instant closedAt, List<UUID> photosBefore,
        List<UUID> photosAfter, List<Long> residentIds, List<TimelineEntry> timeline, Set<IssueAction> actions,
        IssueChain chain) {

    /** An address-only report a supervisor has yet to place on the map (no point, no grid). */
    public boolean unplaced() {
        return gridId == null;
    }

    public boolean may(String action) {
        return actions.contains(IssueAction.valueOf(action));
    }
}
