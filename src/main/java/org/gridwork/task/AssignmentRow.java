package org.gridwork.task;

import java.time.Instant;

/** One line of a task's completion matrix: an assignee and where they stand. */
public record AssignmentRow(long id, long assigneeId, String assigneeName, String gridCode, String gridName,
        TaskStatus status, String note, boolean hasPhoto, Instant updatedAt, Instant remindedAt, boolean overdue) {
}
