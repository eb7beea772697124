package org.gridwork.account;

import java.time.Instant;

/** A user as the administration screens show it (phone number decrypted). */
public record UserDetail(long id, String username, String displayName, Role role, Long departmentId, String phone,
                         boolean enabled, boolean locked, boolean totpEnabled, boolean totpRequired,
                         boolean mustChangePassword, Instant createdAt) {
}
