package org.gridwork.task;

import java.time.Instant;
import java.time.LocalDate;

/** A task as the grid staff member it is assigned to sees it, with their own progress. */
public record MyAssignment(long taskId, long assignmentId, String title, String instructions, LocalDate dueDate,
        String gridName, TaskStatus status, String note, boolean hasPhoto, Instant updatedAt, boolean overdue) {
}
