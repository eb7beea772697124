package org.gridwork.task.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** A supervisor moves a task's due date later. */
record ExtendForm(
        @NotNull(message = "{task.extend.dueDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
}
