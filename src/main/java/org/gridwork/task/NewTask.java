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
        List<Long> userIds, List<Long> gridIds, String regionCode, Long taskTypeId, String outsideReason,
        boolean classified) {

    public NewTask {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        gridIds = gridIds == null ? List.of() : List.copyOf(gridIds);
        outsideReason = outsideReason == null || outsideReason.isBlank() ? null : outsideReason.strip();
    }

    /**
     * Without the 准入清单 (data loaders, generators): the task is recorded as unclassified and given
     * at once. Every task a supervisor creates on screen names a type or a reason ({@code classified}).
     */
    public NewTask(String title, String instructions, LocalDate dueDate, AssigneeMode mode, List<Long> userIds,
            List<Long> gridIds, String regionCode) {
        this(title, instructions, dueDate, mode, userIds, gridIds, regionCode, null, null, false);
    }

    /** A task of a listed type (准入清单). */
    public NewTask ofType(long typeId) {
        return new NewTask(title, instructions, dueDate, mode, userIds, gridIds, regionCode, typeId, null, true);
    }

    /** Work outside the list, with the reason it must go to grid staff: it waits for the level above. */
    public NewTask outsideTheList(String reason) {
        return new NewTask(title, instructions, dueDate, mode, userIds, gridIds, regionCode, null, reason, true);
    }
}
