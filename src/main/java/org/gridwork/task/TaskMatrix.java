package org.gridwork.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A task as its supervisor sees it: assignees x status, overdue lines marked. */
public record TaskMatrix(long id, String title, String instructions, LocalDate dueDate, LocalDate originalDueDate,
        String createdByName, Instant createdAt, List<AssignmentRow> rows) {

    public long count(TaskStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    public long overdueCount() {
        return rows.stream().filter(AssignmentRow::overdue).count();
    }

    /** Share of assignees done, 0..100, rounded down. */
    public int percentDone() {
        return rows.isEmpty() ? 0 : (int) (100 * count(TaskStatus.DONE) / rows.size());
    }

    public boolean overdue() {
        return overdueCount() > 0;
    }

    public boolean extended() {
        return !dueDate.equals(originalDueDate);
    }

    public boolean anyOpen() {
        return count(TaskStatus.DONE) < rows.size();
    }
}
