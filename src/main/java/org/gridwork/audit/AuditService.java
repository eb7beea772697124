package org.gridwork.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.gridwork.shared.audit.AuditEvent;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: appends (with a keyed hash chain; the database refuses changes), searches,
 * exports, verifies the chain and purges rows past the retention period (never under 180 days).
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(AuditSettings.class)
@Transactional(readOnly = true)
public class AuditService {

    static final int MIN_RETENTION_DAYS = 180;

    private static final RowMapper<AuditEntry> ROW = AuditService::entry;

    private final org.gridwork.shared.time.BusinessTime time;
    private final NamedParameterJdbcTemplate jdbc;
    private final int retentionDays;
    private final AuditChain chain;

    AuditService(NamedParameterJdbcTemplate jdbc, AuditSettings settings,
            AuditChain chain, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.retentionDays = Math.max(settings.retentionDays(), MIN_RETENTION_DAYS);
        this.chain = chain;
    }

    /** Appends in its own transaction: a refusal is recorded even when the caller's work rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEvent event, Long actorId, String actorName, String address) {
        append(event, actorId, actorName, address);
    }

    /**
     * Appends inside the caller's transaction, so the work and its record commit together: one
     * commit instead of two, and the chain's lock is held only while that commit lasts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithin(AuditEvent event, Long actorId, String actorName, String address) {
        append(event, actorId, actorName, address);
    }

    /**
     * Takes the chain's lock, the previous hash, an id and the time (one statement, V72), then inserts the
     * row with its keyed hash; the lock is held until the transaction commits, so the chain stays linear.
     */
    private void append(AuditEvent event, Long actorId, String actorName, String address) {
        Object[] next = jdbc.getJdbcTemplate().queryForObject("select prev_hash, next_id, occurred_at from audit_event_next()",
                (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()});
        AuditChain.Row row = new AuditChain.Row((long) next[1], (java.time.Instant) next[2], actorId, cut(actorName, 100),
                cut(address, 64), cut(event.action(), 60), cut(event.targetType(), 60), cut(event.targetId(), 100),
                event.success(), cut(event.details(), 1000), (String) next[0]);
        jdbc.update("""
                insert into audit_event (id, occurred_at, actor_id, actor_name, address, action, target_type, target_id,
                                         success, details, prev_hash, hash, keyed)
                values (:id, :occurredAt, :actorId, :actorName, :address, :action, :targetType, :targetId, :success,
                        :details, :prevHash, :hash, true)""",
                new MapSqlParameterSource()
                        .addValue("id", row.id())
                        .addValue("occurredAt", Timestamp.from(row.occurredAt()))
                        .addValue("actorId", row.actorId())
                        .addValue("actorName", row.actorName())
                        .addValue("address", row.address())
                        .addValue("action", row.action())
                        .addValue("targetType", row.targetType())
                        .addValue("targetId", row.targetId())
                        .addValue("success", row.success())
                        .addValue("details", row.details())
                        .addValue("prevHash", row.prevHash())
                        .addValue("hash", chain.keyedHash(row)));
    }

    public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, params);
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where, params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<AuditEntry> rows = jdbc.query("select * from audit_event" + where + " order by id desc limit :limit offset :offset",
                params, ROW);
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Streams every matching row, newest first, to the consumer (for the CSV export). */
    public void forEach(AuditQuery query, Consumer<AuditEntry> consumer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        jdbc.query("select * from audit_event" + where(query, params) + " order by id desc", params,
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(entry(rs, 0)));
    }

    public List<String> actions() {
        return jdbc.queryForList("select distinct action from audit_event order by action", new MapSqlParameterSource(),
                String.class);
    }

    /**
     * Recomputes every row's hash (keyed, or SHA-256 for rows older than the key) and its link to the
     * previous row. Answers the id of the first row that does not match (changed, or a row removed
     * before it), or null when the chain holds.
     */
    public Long firstBrokenLink() {
        AuditChain.Break broken = verify().broken();
        return broken == null ? null : broken.id();
    }

    /** Streams the whole trail in id order through the verifier (rows are never held in memory). */
    AuditChain.Verifier verify() {
        AuditChain.Verifier verifier = chain.verifier();
        jdbc.getJdbcTemplate().query(con -> {
            var ps = con.prepareStatement("select id, occurred_at, actor_id, actor_name, address, action, target_type,"
                    + " target_id, success, details, prev_hash, hash, keyed from audit_event order by id");
            ps.setFetchSize(1000);
            return ps;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> verifier.next(new AuditChain.Row(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getString(11)),
                rs.getBoolean(13), rs.getString(12)));
        return verifier;
    }

    /** Verifies the chain and records the result, which the admin's home and the chain screen show. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public ChainCheck checkChain() {
        AuditChain.Verifier v = verify();
        AuditChain.Break broken = v.broken();
        jdbc.getJdbcTemplate().update("insert into audit_chain_check (rows_checked, broken_at, broken_reason) values (?, ?, ?)",
                v.count(), broken == null ? null : broken.id(), broken == null ? null : broken.reason());
        if (broken != null) {
            org.slf4j.LoggerFactory.getLogger(AuditService.class).error(
                    "The audit trail's hash chain is broken at row {} ({}): rows were changed or removed.", broken.id(),
                    broken.reason());
        }
        return lastCheck();
    }

    /** The latest verification, or null before the first. */
    public ChainCheck lastCheck() {
        return jdbc.getJdbcTemplate().query("select checked_at, rows_checked, broken_at, broken_reason from audit_chain_check"
                + " order by id desc limit 1", rs -> rs.next() ? new ChainCheck(rs.getTimestamp(1).toInstant(), rs.getLong(2),
                        rs.getObject(3, Long.class), rs.getString(4)) : null);
    }

    /** One entry by id (the row where the chain breaks, even if it was removed: then empty). */
    public java.util.Optional<AuditEntry> entry(long id) {
        return jdbc.query("select * from audit_event where id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /** A verification of the chain: when, how many rows, and the first broken row (null when it holds). */
    public record ChainCheck(java.time.Instant checkedAt, long rowsChecked, Long brokenAt, String reason) {
        public boolean broken() {
            return brokenAt != null;
        }
    }

    /**
     * Removes rows past the retention period through {@code audit_event_purge} (V95), which runs with the
     * owner's rights: the application's own role may not delete audit rows. Never under 180 days.
     */
    @PreAuthorize(Authorities.SYSTEM)
    @Transactional
    public int purgeExpired() {
        Integer removed = jdbc.queryForObject("select audit_event_purge(:days)",
                new MapSqlParameterSource("days", retentionDays), Integer.class);
        return removed == null ? 0 : removed;
    }

    int retentionDays() {
        return retentionDays;
    }

    private String where(AuditQuery q, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (q.from() != null) {
            conditions.add("occurred_at >= :from");
            params.addValue("from", Timestamp.from(time.startOf(q.from())));
        }
        if (q.to() != null) {
            conditions.add("occurred_at < :to");
            params.addValue("to", Timestamp.from(time.startOf(q.to().plusDays(1))));
        }
        if (notBlank(q.actor())) {
            conditions.add("lower(actor_name) like :actor");
            params.addValue("actor", "%" + likeEscape(q.actor().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (notBlank(q.action())) {
            conditions.add("action = :action");
            params.addValue("action", q.action().strip());
        }
        if (notBlank(q.targetType())) {
            conditions.add("target_type = :targetType");
            params.addValue("targetType", q.targetType().strip().toUpperCase(Locale.ROOT));
        }
        if (notBlank(q.targetId())) {
            conditions.add("target_id = :targetId");
            params.addValue("targetId", q.targetId().strip());
        }
        if (q.success() != null) {
            conditions.add("success = :success");
            params.addValue("success", q.success());
        }
        if (notBlank(q.address())) {
            conditions.add("address = :address");
            params.addValue("address", q.address().strip());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("occurred_at");
        Long actorId = rs.getObject("actor_id", Long.class);
        return new AuditEntry(rs.getLong("id"), at == null ? null : at.toInstant(), actorId,
                rs.getString("actor_name"), rs.getString("address"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getBoolean("success"), rs.getString("details"));
    }
}
