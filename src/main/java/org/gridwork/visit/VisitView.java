package org.gridwork.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A logged visit as screens show it. */
public record VisitView(long id, long residentId, long gridId, long staffUserId, String staffName, LocalDate visitedOn,
        VisitKind kind, String findings, Condition condition, String needs, Double longitude, Double latitude,
        List<UUID> photoIds) {
}
