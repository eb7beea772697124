package org.gridwork.task;

/** An assignee's progress on a task. */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE
}
