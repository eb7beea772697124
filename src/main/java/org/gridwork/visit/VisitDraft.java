package org.gridwork.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A visit as logged on the phone. {@code idempotencyKey} comes from the form, so the same form
 * submitted twice saves one visit.
 */
public record VisitDraft(UUID idempotencyKey, long residentId, LocalDate visitedOn, VisitKind kind, String findings,
        Condition condition, String needs, Double longitude, Double latitude, Double accuracy, List<byte[]> photos) {
}
