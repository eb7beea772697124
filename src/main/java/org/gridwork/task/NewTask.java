package org.gridwork.task;

import java.time.LocalDate;
import java.util.List;

/**
 * What a supervisor asks for when creating a task.
 *
 * @param userIds    assignees when {@code mode} is PEOPLE
 * @param gridIds    grids whose staff are assigned when {@code mode} is GRIDS
 * @param regionCode region node whose grids' staff are assigned when {@code mode} is REGION
 */
public record NewTask(String title, String instructions, LocalDate dueDate, AssigneeMode mode,
        List<Long> userIds, List<Long> gridIds, String regionCode) {

    public NewTask {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        gridIds = gridIds == null ? List.of() : List.copyOf(gridIds);
    }
}
