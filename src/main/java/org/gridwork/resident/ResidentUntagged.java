package org.gridwork.resident;

/** A resident left a special group, or left the register (moved out, died): care plans close. */
public record ResidentUntagged(long residentId, String tagCode) {
}
