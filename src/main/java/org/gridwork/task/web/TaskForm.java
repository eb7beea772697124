package org.gridwork.task.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gridwork.task.AssigneeMode;
import org.gridwork.task.NewTask;
import org.springframework.format.annotation.DateTimeFormat;
import org.gridwork.shared.text.TextLimit;

/** The supervisor's "new task" form. */
record TaskForm(
        @NotBlank(message = "{task.form.title.required}") @TextLimit(max = 200) String title,
        @NotBlank(message = "{task.form.instructions.required}") @TextLimit(max = 4000) String instructions,
        @NotNull(message = "{task.form.dueDate.required}") @FutureOrPresent(message = "{task.form.dueDate.past}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
        @NotNull(message = "{task.form.mode.required}") AssigneeMode mode,
        List<Long> userIds,
        List<Long> gridIds,
        String regionCode,
        // the search pickers' choices (beyond a town's worth of grids or staff): codes and usernames
        @Size(max = 100_000, message = "{task.form.picked.size}") String gridCodes,
        @Size(max = 100_000, message = "{task.form.picked.size}") String usernames,
        String typeChoice,
        @TextLimit(max = 1000) String outsideReason) {

    /** The 准入清单 choice for work outside the list (the others are {@code type:<id>}). */
    static final String OUTSIDE = "outside";

    static TaskForm empty(LocalDate defaultDue) {
        return new TaskForm("", "", defaultDue, AssigneeMode.GRIDS, List.of(), List.of(), "", "", "", "", "");
    }

    /** Every task given on screen is classified: a listed type, or outside the list with a reason. */
    NewTask toNewTask() {
        return toNewTask(List.of(), List.of());
    }

    /** With the ids of what was picked by search added to those ticked. */
    NewTask toNewTask(List<Long> pickedUsers, List<Long> pickedGrids) {
        List<Long> users = new java.util.ArrayList<>(userIds == null ? List.of() : userIds);
        pickedUsers.stream().filter(id -> !users.contains(id)).forEach(users::add);
        List<Long> grids = new java.util.ArrayList<>(gridIds == null ? List.of() : gridIds);
        pickedGrids.stream().filter(id -> !grids.contains(id)).forEach(grids::add);
        NewTask task = new NewTask(title, instructions, dueDate, mode, users, grids, regionCode, null, null, true);
        if (typeChoice != null && typeChoice.matches("type:[0-9]{1,18}")) {
            return task.ofType(Long.parseLong(typeChoice.substring(5)));
        }
        if (OUTSIDE.equals(typeChoice)) {
            if (outsideReason == null || outsideReason.isBlank()) {
                throw new org.gridwork.shared.BusinessRuleException("task.admission.outsideReasonRequired");
            }
            return task.outsideTheList(outsideReason);
        }
        return task;
    }

    boolean userChosen(long id) {
        return userIds != null && userIds.contains(id);
    }

    boolean gridChosen(long id) {
        return gridIds != null && gridIds.contains(id);
    }
}
