package org.gridwork.resident;

/** A resident joined a special group: the care module opens a care plan. */
public record ResidentTagged(long residentId, long gridId, String tagCode, int visitIntervalDays) {
}
