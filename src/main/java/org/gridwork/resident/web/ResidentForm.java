package org.gridwork.resident.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.gridwork.resident.Registration;
import org.gridwork.resident.ResidentDetail;
import org.gridwork.resident.ResidentDraft;

/**
 * The resident form; the service checks it (ID rules, duplicates, scope) and names the fields at
 * fault. A bean (not a record) so that errors can be bound to its fields.
 */
public class ResidentForm {

    private String name = "";
    private String idNumber = "";
    private String phone = "";
    private Registration registration = Registration.REGISTERED;
    private Long gridId;
    private String address = "";
    private Double longitude;
    private Double latitude;
    private String notes = "";
    private List<String> tags = new ArrayList<>();

    static ResidentForm empty(Long gridId) {
        ResidentForm f = new ResidentForm();
        f.gridId = gridId;
        return f;
    }

    /** Prefilled for editing; the ID number is not sent to the browser again (left blank = unchanged). */
    static ResidentForm of(ResidentDetail d, String phone) {
        ResidentForm f = new ResidentForm();
        f.name = d.summary().name();
        f.phone = phone;
        f.registration = d.registration();
        f.gridId = d.summary().gridId();
        f.address = d.summary().address();
        f.longitude = d.longitude();
        f.latitude = d.latitude();
        f.notes = d.notes();
        f.tags = new ArrayList<>(d.summary().tags());
        return f;
    }

    ResidentDraft draft() {
        return new ResidentDraft(name, idNumber, phone, registration, gridId, address, longitude, latitude, notes,
                tags == null ? new LinkedHashSet<>() : new LinkedHashSet<>(tags));
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Registration getRegistration() { return registration; }
    public void setRegistration(Registration registration) { this.registration = registration; }
    public Long getGridId() { return gridId; }
    public void setGridId(Long gridId) { this.gridId = gridId; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
}
