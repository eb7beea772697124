package org.gridwork.visit;

/** A visit was logged (dashboards and tasks may count it). */
public record VisitLogged(long visitId, long residentId, long gridId, long staffUserId) {
}
