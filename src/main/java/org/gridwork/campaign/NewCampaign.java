package org.gridwork.campaign;

import java.time.LocalDate;
import java.util.List;

import org.gridwork.resident.ResidentTargets;

/**
 * A campaign to launch. {@code areaCode}: a region or grid code within the supervisor's scope;
 * {@code tags}: the special groups for {@link TargetKind#GROUPS}; {@code list}: the people of an
 * uploaded list for {@link TargetKind#LIST} (read by {@link ResidentTargets#readList}).
 */
public record NewCampaign(String title, long formId, TargetKind targetKind, List<String> tags, String areaCode,
        LocalDate startDate, LocalDate dueDate, List<ResidentTargets.ListedPerson> list) {
}
