package org.gridwork.campaign;

import java.time.LocalDate;
import java.util.Locale;

/** A campaign with its form and the counts over the reader's part of its targets. */
public record CampaignSummary(long id, String title, long formId, String formTitle, String formTitleEn, int formVersion,
        TargetKind targetKind, String targetTags, String areaCode, String areaName, LocalDate startDate, LocalDate dueDate,
        String status, Counts counts, long createdBy) {

    public boolean closed() {
        return "CLOSED".equals(status);
    }

    public String formTitle(Locale locale) {
        return Question.text(formTitle, formTitleEn, locale);
    }
}
