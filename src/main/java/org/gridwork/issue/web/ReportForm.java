package org.gridwork.issue.web;

import java.util.ArrayList;
import java.util.List;

import org.gridwork.issue.Urgency;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.gridwork.shared.text.TextLimit;

/** The report form: phone-first, most fields optional. */
public class ReportForm {

    @NotNull(message = "{issue.error.categoryRequired}")
    private Long categoryId;
    @NotBlank(message = "{issue.error.descriptionRequired}")
    @TextLimit(max = 4000)
    private String description;
    @TextLimit(max = 300)
    private String address;
    @TextLimit(max = 1000)
    private String peopleInvolved;
    @DecimalMin(value = "-180", message = "{issue.error.location}")
    @DecimalMax(value = "180", message = "{issue.error.location}")
    private Double longitude;
    @DecimalMin(value = "-90", message = "{issue.error.location}")
    @DecimalMax(value = "90", message = "{issue.error.location}")
    private Double latitude;
    private Long gridId;
    private Urgency urgency = Urgency.NORMAL;
    private Long visitId;
    @TextLimit(max = 500)
    @Pattern(regexp = "^[ ,]*([0-9]{1,18}([ ,]+[0-9]{1,18})*)?[ ,]*$", message = "{issue.error.residents}")
    private String residentIds;
    private Long duplicateOfId;

    List<Long> residentIdList() {
        List<Long> ids = new ArrayList<>();
        if (residentIds != null) {
            for (String s : residentIds.split("[, ]+")) {
                if (!s.isBlank()) {
                    ids.add(Long.parseLong(s.strip()));
                }
            }
        }
        return ids;
    }

    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPeopleInvolved() { return peopleInvolved; }
    public void setPeopleInvolved(String peopleInvolved) { this.peopleInvolved = peopleInvolved; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Long getGridId() { return gridId; }
    public void setGridId(Long gridId) { this.gridId = gridId; }
    public Urgency getUrgency() { return urgency; }
    public void setUrgency(Urgency urgency) { this.urgency = urgency; }
    public Long getVisitId() { return visitId; }
    public void setVisitId(Long visitId) { this.visitId = visitId; }
    public String getResidentIds() { return residentIds; }
    public void setResidentIds(String residentIds) { this.residentIds = residentIds; }
    public Long getDuplicateOfId() { return duplicateOfId; }
    public void setDuplicateOfId(Long duplicateOfId) { this.duplicateOfId = duplicateOfId; }
}
