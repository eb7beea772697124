package org.gridwork.campaign;

import java.time.Instant;

/**
 * A target as lists show it. {@code name}: the resident's name for a group campaign (masked for
 * readers whose grids do not hold them), empty for households. {@code distanceMetres}: from the
 * phone's position, when it was given. {@code note}: from the uploaded list, if any.
 */
public record TargetRow(long id, long campaignId, long gridId, String gridName, Long householdId, Long residentId,
        String name, String address, TargetStatus status, int attempts, int problems, int issues, Instant lastAt,
        Long distanceMetres, Double longitude, Double latitude, String note) {
}
