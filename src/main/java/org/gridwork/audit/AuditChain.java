package org.gridwork.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gridwork.shared.MissingSettingException;
import org.springframework.stereotype.Component;

/**
 * The audit trail's keyed hash chain: each row's hash is HMAC-SHA256 over its content and the previous
 * row's hash, with a key from the configuration ({@code gridwork.audit.chain-key}), never stored in the
 * database; so whoever can write the table cannot recompute the chain after changing a row.
 * The content is the same text as the database's {@code audit_event_content} (V42), used for rows
 * written before the chain was keyed.
 */
@Component
class AuditChain {

    static final String ZERO = "0".repeat(64);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final SecretKeySpec key;

    AuditChain(AuditSettings settings) {
        String key = settings.chainKey();
        if (key == null || key.isBlank()) {
            throw new MissingSettingException("No key for the audit trail's hash chain is configured.",
                    "Set GRIDWORK_AUDIT_CHAIN_KEY (base64 of 32 random bytes), e.g. from 'openssl rand -base64 32'.");
        }
        byte[] raw = Base64.getDecoder().decode(key.strip());
        if (raw.length < 32) {
            throw new MissingSettingException("The audit chain key is shorter than 32 bytes.",
                    "Generate one with 'openssl rand -base64 32'.");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    /** One row's fields, as stored. */
    record Row(long id, Instant occurredAt, Long actorId, String actorName, String address, String action,
            String targetType, String targetId, boolean success, String details, String prevHash) {

        /** Same text as the database's audit_event_content(e). */
        String content() {
            return String.join("|", Long.toString(id), MICROS.format(occurredAt), actorId == null ? "" : actorId.toString(),
                    nz(actorName), nz(address), action, nz(targetType), nz(targetId), Boolean.toString(success),
                    nz(details), prevHash);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    String keyedHash(Row row) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(row.content().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String plainHash(Row row) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(row.content().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the chain breaks: the row and why. */
    record Break(long id, String reason) {
    }

    /** Checks rows in id order, one at a time; call {@link #next} for each. */
    final class Verifier {
        private String previous;
        private boolean keyedSeen;
        private long count;
        private Break broken;

        /** Feeds the next row; answers false once the chain is broken (the first break is kept). */
        boolean next(Row row, boolean keyed, String hash) {
            if (broken != null) {
                return false;
            }
            count++;
            if (previous != null && !MessageDigest.isEqual(previous.getBytes(), row.prevHash().getBytes())) {
                broken = new Break(row.id(), "LINK");
            } else if (keyedSeen && !keyed) {
                broken = new Break(row.id(), "UNKEYED");
            } else {
                String expected = keyed ? keyedHash(row) : plainHash(row);
                if (!MessageDigest.isEqual(expected.getBytes(), hash.getBytes())) {
                    broken = new Break(row.id(), "CONTENT");
                }
            }
            keyedSeen |= keyed;
            previous = hash;
            return broken == null;
        }

        long count() {
            return count;
        }

        Break broken() {
            return broken;
        }
    }

    Verifier verifier() {
        return new Verifier();
    }
}
