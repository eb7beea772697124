package org.gridwork.campaign.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.gridwork.campaign.NewCampaign;
import org.gridwork.campaign.TargetKind;
import org.gridwork.resident.ResidentTargets;
import org.springframework.format.annotation.DateTimeFormat;
import org.gridwork.shared.text.TextLimit;

/**
 * The "new campaign" form. {@code listText}: for a list campaign, the matched people of the
 * checked file (as CSV), carried from the check to the launch in a hidden field.
 */
public record CampaignForm(
        @NotBlank(message = "{campaign.error.title}") @TextLimit(max = 200) String title,
        @NotNull(message = "{campaign.error.form}") Long formId,
        @NotNull(message = "{campaign.error.targetKind}") TargetKind targetKind,
        List<String> tags,
        @NotBlank(message = "{campaign.error.area}") String areaCode,
        @NotNull(message = "{campaign.error.dates}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @NotNull(message = "{campaign.error.dates}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
        String listText) {

    static CampaignForm empty(LocalDate today) {
        return new CampaignForm("", null, TargetKind.HOUSEHOLDS, List.of(), "", today, today.plusDays(14), "");
    }

    NewCampaign toNewCampaign(List<ResidentTargets.ListedPerson> list) {
        return new NewCampaign(title, formId, targetKind, tags == null ? List.of() : tags, areaCode, startDate, dueDate,
                list);
    }

    /** The same form carrying the checked list (its matched people) on to the launch. */
    CampaignForm withListText(String text) {
        return new CampaignForm(title, formId, targetKind, tags, areaCode, startDate, dueDate, text);
    }
}
