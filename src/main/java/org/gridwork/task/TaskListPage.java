package org.gridwork.task;

import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of the supervisor's task list with the number of assignments not done over the whole
 * list (every page): what the dashboard's open and overdue task figures count, so the list behind a
 * figure shows the figure's number.
 */
public class TaskListPage extends PageImpl<TaskListItem> {

    private final long notDone;

    TaskListPage(List<TaskListItem> content, Pageable pageable, long total, long notDone) {
        super(content, pageable, total);
        this.notDone = notDone;
    }

    public long getNotDone() {
        return notDone;
    }
}
