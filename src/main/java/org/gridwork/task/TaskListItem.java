package org.gridwork.task;

import java.time.LocalDate;

/** A task in the supervisor's list, with its completion figures over the assignees in scope. */
public record TaskListItem(long id, String title, LocalDate dueDate, boolean extended, int assignees, int done,
        int inProgress, boolean overdue) {

    public int notStarted() {
        return assignees - done - inProgress;
    }

    public int percentDone() {
        return assignees == 0 ? 0 : 100 * done / assignees;
    }
}
