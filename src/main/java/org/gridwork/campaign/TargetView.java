package org.gridwork.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One target with its campaign, form and the answers given (values by question code). */
public record TargetView(TargetRow target, long campaignId, String campaignTitle, LocalDate dueDate, boolean launched,
        ChecklistForm form, Map<String, List<String>> answers, List<String> problemCodes, List<Long> issueIds) {
}
