package org.gridwork.task.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gridwork.task.TaskStatus;

/** A grid staff member's progress on their task; the photo comes as a separate multipart part. */
record ProgressForm(
        @NotNull(message = "{task.progress.status.required}") TaskStatus status,
        @Size(max = 2000, message = "{task.progress.note.size}") String note) {
}
