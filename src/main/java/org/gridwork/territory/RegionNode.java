package org.gridwork.territory;

/** A region node with what the browse tree shows beside it. */
public record RegionNode(RegionSummary region, long childCount, long gridCount, long staffCount) {
}
