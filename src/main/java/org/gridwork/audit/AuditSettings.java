package org.gridwork.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gridwork.audit.*: days audit rows are kept (less than 180 is taken as 180: the database refuses
 * earlier deletes), the key of the hash chain (base64 of 32 bytes; checked by {@link AuditChain} with a
 * message saying what to set), and when the purge and the chain check run (cron, UTC; read by
 * their {@code @Scheduled} jobs).
 */
@ConfigurationProperties("gridwork.audit")
record AuditSettings(@DefaultValue("365") int retentionDays,
        @DefaultValue("") String chainKey,
        @DefaultValue("0 30 2 * * *") String purgeCron,
        @DefaultValue("0 40 * * * *") String verifyCron) {
}
