package org.gridwork.resident;

import java.time.LocalDate;

/** Everything on a resident's page except the full ID number, which is revealed on purpose only. */
public record ResidentDetail(ResidentSummary summary, Registration registration, Relation relationToHead,
        Double longitude, Double latitude, LocalDate statusDate, String statusReason, String notes, long version) {

    public long id() {
        return summary.id();
    }
}
