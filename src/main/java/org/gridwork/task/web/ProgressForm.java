package org.gridwork.task.web;

import jakarta.validation.constraints.NotNull;

import org.gridwork.task.TaskStatus;
import org.gridwork.shared.text.TextLimit;

/** A grid staff member's progress on their task; the photo comes as a separate multipart part. */
record ProgressForm(
        @NotNull(message = "{task.progress.status.required}") TaskStatus status,
        @TextLimit(max = 2000) String note) {
}
