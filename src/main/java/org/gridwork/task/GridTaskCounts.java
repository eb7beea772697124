package org.gridwork.task;

/** Task assignments of one grid not yet done, and those of them past their due date. */
public record GridTaskCounts(long gridId, long open, long overdue) {
}
