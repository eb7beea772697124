package org.gridwork.dashboard;

/**
 * A node of the dashboard's drill-down: a region (province ... village) or a grid.
 *
 * @param level a region level (COUNTY, TOWN, VILLAGE, ...) or GRID
 */
public record DashboardNode(String path, String parentPath, String code, String name, String level, Long gridId) {

    public boolean isGrid() {
        return gridId != null;
    }
}
