package org.gridwork.resident;

import java.util.List;

/** One page of residents and whether more follow. */
public record ResidentPage(List<ResidentSummary> items, boolean hasMore) {
}
