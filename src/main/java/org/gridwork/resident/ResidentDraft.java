package org.gridwork.resident;

import java.util.Set;

/**
 * What a user enters for a resident (form or import row). Without a point the home's grid is the
 * chosen {@code gridId}; with one, the territory lookup decides.
 */
public record ResidentDraft(String name, String idNumber, String phone, Registration registration, Long gridId,
        String address, Double longitude, Double latitude, String notes, Set<String> tags) {
}
