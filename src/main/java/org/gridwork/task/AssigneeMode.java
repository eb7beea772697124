package org.gridwork.task;

/** How a supervisor picks a task's assignees. */
public enum AssigneeMode {
    /** chosen grid staff members */
    PEOPLE,
    /** all staff of chosen grids */
    GRIDS,
    /** all staff of every grid under a region node (town, village) */
    REGION
}
