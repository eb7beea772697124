package org.gridwork.task;

import java.time.LocalDate;

import org.gridwork.shared.time.BusinessTime;
import org.springframework.stereotype.Component;

/** "Today" in business time: a task is overdue from the day after its due date. */
@Component
class TaskCalendar {

    private final BusinessTime time;

    TaskCalendar(BusinessTime time) {
        this.time = time;
    }

    LocalDate today() {
        return time.today();
    }

    boolean isOverdue(LocalDate dueDate, TaskStatus status) {
        return status != TaskStatus.DONE && today().isAfter(dueDate);
    }
}
