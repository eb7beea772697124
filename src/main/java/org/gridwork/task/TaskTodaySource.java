package org.gridwork.task;

import java.util.List;

import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodaySource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts a grid staff member's open tasks on their "today" screen, overdue ones flagged. */
@Component
class TaskTodaySource implements TodaySource {

    private final TaskService tasks;

    TaskTodaySource(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodayItem> itemsFor(long userId) {
        return tasks.openAssignmentsOf(userId).stream()
                .map(a -> new TodayItem("TASK", a.title(), a.gridName(), a.dueDate(), a.overdue(),
                        "/tasks/" + a.taskId()))
                .toList();
    }
}
