package org.gridwork.visit.web;

import java.time.LocalDate;
import java.util.UUID;

import org.gridwork.shared.id.TimeOrderedUuid;
import org.gridwork.visit.Condition;
import org.gridwork.visit.VisitKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.gridwork.shared.text.TextLimit;

/** The phone form for a visit; {@code token} is issued with the form so a resubmission saves nothing new. */
public class VisitForm {

    private UUID token = TimeOrderedUuid.next();
    private Long residentId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    /** Set to today (business time) by the controller when the form is first shown. */
    private LocalDate visitedOn;
    private VisitKind kind = VisitKind.CARE;
    @TextLimit(max = 2000) // visit.findings; VisitService checks the same for other callers
    private String findings = "";
    private Condition condition = Condition.GOOD;
    @TextLimit(max = 1000)
    private String needs = "";
    private Double longitude;
    private Double latitude;
    private Double accuracy;

    public UUID getToken() { return token; }
    public void setToken(UUID token) { this.token = token; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public LocalDate getVisitedOn() { return visitedOn; }
    public void setVisitedOn(LocalDate visitedOn) { this.visitedOn = visitedOn; }
    public VisitKind getKind() { return kind; }
    public void setKind(VisitKind kind) { this.kind = kind; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
    public Condition getCondition() { return condition; }
    public void setCondition(Condition condition) { this.condition = condition; }
    public String getNeeds() { return needs; }
    public void setNeeds(String needs) { this.needs = needs; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Double getAccuracy() { return accuracy; }
    public void setAccuracy(Double accuracy) { this.accuracy = accuracy; }
}
