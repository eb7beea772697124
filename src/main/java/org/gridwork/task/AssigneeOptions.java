package org.gridwork.task;

import java.util.List;

/**
 * What a supervisor may pick from when assigning a task, within their scope. Beyond
 * {@link #CHECKBOX_LIMIT} grids (or staff) the form offers a search-as-you-type picker instead of
 * a checkbox each ({@code searchGrids}, {@code searchStaff}, the lists then empty): an admin's
 * form listed every grid of the system.
 */
public record AssigneeOptions(List<Staff> staff, List<GridOption> grids, List<RegionOption> regions,
        boolean searchStaff, boolean searchGrids) {

    /** Most checkboxes one picker shows (a town's grids or staff); more are searched for. */
    public static final int CHECKBOX_LIMIT = 60;

    /** A grid staff member with the codes of their grids in scope. */
    public record Staff(long userId, String displayName, String gridCodes) {
    }

    public record GridOption(long id, String code, String name) {
    }

    /** A region node (town, village, ...) whose grids' staff can be assigned at once. */
    public record RegionOption(String code, String name, String level, int depth) {
    }
}
