package org.gridwork.resident;

import java.util.List;

/** A household (户), its home and its members with their relation to the head. */
public record HouseholdView(long id, long gridId, String address, Double longitude, Double latitude,
        List<Member> members) {

    public record Member(ResidentSummary resident, Relation relation) {
    }
}
