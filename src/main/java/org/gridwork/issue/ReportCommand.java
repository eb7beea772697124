package org.gridwork.issue;

import java.util.List;

/**
 * A new report from the form. The grid comes from the location; {@code gridId} is the reporter's
 * choice used only when the location lies outside every grid (or is missing).
 */
public record ReportCommand(Long categoryId, Urgency urgency, String description, String address, String peopleInvolved,
        Double longitude, Double latitude, Long gridId, Long visitId, List<Long> residentIds, Long duplicateOfId,
        List<byte[]> photos) {
}
