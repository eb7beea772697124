package org.gridwork.issue.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.text.TextLimits;
import org.gridwork.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open311 API keys per channel, stored as SHA-256 hashes (a key is random, 32 bytes, so a plain
 * hash is enough), and the per-key rate limit: a fixed one-minute window counted in the database
 * ({@code open311_rate}), so that every instance of the application counts the same requests.
 */
@Service
@Transactional(readOnly = true)
class Open311Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final int postsPerMinute;

    Open311Keys(JdbcTemplate jdbc, CurrentUsers currentUsers, ApplicationEventPublisher events,
            Open311Settings settings) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.events = events;
        this.postsPerMinute = settings.postsPerMinute();
    }

    record ApiKey(long id, String channel, String prefix, boolean active, Instant createdAt) {
    }

    /** Creates a key for the channel and returns it in clear, once. */
    @Transactional
    String create(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new BusinessRuleException("issue.open311.error.channel");
        }
        TextLimits.require(channel.strip(), 100); // open311_key.channel
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Long id = jdbc.queryForObject("insert into open311_key(channel, key_prefix, key_hash, created_by) values (?, ?, ?, ?)"
                + " returning id", Long.class, channel.strip(), key.substring(0, 6), hash(key),
                currentUsers.current().map(u -> u.id()).orElse(null));
        events.publishEvent(AuditEvent.of("OPEN311_KEY_CREATED", "OPEN311_KEY", id, channel.strip()));
        return key;
    }

    @Transactional
    void revoke(long id) {
        jdbc.update("update open311_key set active = false where id = ?", id);
        events.publishEvent(AuditEvent.of("OPEN311_KEY_REVOKED", "OPEN311_KEY", id, null));
    }

    List<ApiKey> all() {
        return jdbc.query("select id, channel, key_prefix, active, created_at from open311_key order by id",
                (rs, n) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()));
    }

    /** The active key matching the given one. */
    Optional<ApiKey> find(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("select id, channel, key_prefix, active, created_at from open311_key where key_hash = ? and active",
                (rs, n) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()), hash(key)).stream().findFirst();
    }

    /**
     * Counts one POST for the key in the current minute; false when the key has used up its
     * allowance. Own transaction: a refused or failed request still counts.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean tryAcquire(long keyId) {
        Instant window = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Integer used = jdbc.queryForObject("insert into open311_rate(key_id, window_start, requests) values (?, ?, 1)"
                + " on conflict (key_id, window_start) do update set requests = open311_rate.requests + 1 returning requests",
                Integer.class, keyId, Timestamp.from(window));
        jdbc.update("delete from open311_rate where key_id = ? and window_start < ?", keyId,
                Timestamp.from(window.minus(1, ChronoUnit.HOURS)));
        return used != null && used <= postsPerMinute;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
