package org.gridwork.territory;

/** A region node as other modules see it. */
public record RegionSummary(long id, String code, String name, RegionLevel level, Long parentId, String path) {
}
