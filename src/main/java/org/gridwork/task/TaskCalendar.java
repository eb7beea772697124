package org.gridwork.task;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** "Today" in the grid centre's time zone: a task is overdue from the day after its due date. */
@Component
class TaskCalendar {

    private final ZoneId zone;

    TaskCalendar(@Value("${gridwork.task.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    boolean isOverdue(LocalDate dueDate, TaskStatus status) {
        return status != TaskStatus.DONE && today().isAfter(dueDate);
    }
}
