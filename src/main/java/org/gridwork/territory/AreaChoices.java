package org.gridwork.territory;

import java.util.List;
import java.util.Map;

/**
 * The area filter of a list screen (town → village → grid), cut to what a select can show: a
 * county's 2,000 grids and 388 villages are offered only under the town or village chosen above
 * them, while a staff member's few grids are offered at once.
 *
 * @param towns     towns of the caller's grids, when there is more than one
 * @param villages  villages to offer: all of them when few, else those of the chosen town
 * @param grids     grids to offer: all of them when few, else those of the chosen village (or town)
 * @param townId    the town chosen, or the one implied by the village or grid chosen
 * @param villageId the village chosen, or the one implied by the grid chosen
 * @param gridNames name and code of every grid in scope, by id (for table cells)
 */
public record AreaChoices(List<RegionSummary> towns, List<RegionSummary> villages, List<GridSummary> grids,
        Long townId, Long villageId, Long gridId, Map<Long, String> gridNames) {

    /** The narrowest region chosen (village, else town), whose subtree the list is limited to. */
    public Long areaId() {
        return villageId != null ? villageId : townId;
    }
}
