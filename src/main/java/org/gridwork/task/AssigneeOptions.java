package org.gridwork.task;

import java.util.List;

/** What a supervisor may pick from when assigning a task: all within their scope. */
public record AssigneeOptions(List<Staff> staff, List<GridOption> grids, List<RegionOption> regions) {

    /** A grid staff member with the codes of their grids in scope. */
    public record Staff(long userId, String displayName, String gridCodes) {
    }

    public record GridOption(long id, String code, String name) {
    }

    /** A region node (town, village, ...) whose grids' staff can be assigned at once. */
    public record RegionOption(String code, String name, String level, int depth) {
    }
}
