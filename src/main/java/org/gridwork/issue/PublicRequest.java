package org.gridwork.issue;

import java.time.Instant;

/**
 * A service request as the public Open311 API shows it: no reporter, no contact, no comments,
 * nothing about people. Only requests that came in through Open311 or the residents' public page are public at all.
 */
public record PublicRequest(long id, boolean open, long categoryId, String description, Instant requestedAt,
        Instant updatedAt, Instant expectedAt, String address, Double latitude, Double longitude) {
}
