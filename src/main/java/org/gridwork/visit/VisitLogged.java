package org.gridwork.visit;

import java.time.LocalDate;

/**
 * A visit was logged (on its business day {@code visitedOn}): care plans count it, dashboards and
 * tasks may. Published inside the visit's transaction; {@code care} listens with
 * {@code @ApplicationModuleListener}, so the reaction is recorded with the visit and survives a crash.
 */
public record VisitLogged(long visitId, long residentId, long gridId, long staffUserId, LocalDate visitedOn) {
}
