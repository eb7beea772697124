package org.gridwork.territory;

/** A grid as other modules see it. */
public record GridSummary(long id, String code, String name, long villageId, String regionPath, GridStatus status) {
}
