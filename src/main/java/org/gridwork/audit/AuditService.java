package org.gridwork.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.gridwork.shared.audit.AuditEvent;
import org.springframework.beans.factory.annotation.Value;
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
 * The audit trail: appends (the database computes the hash chain and refuses changes), searches,
 * exports, verifies the chain and purges rows past the retention period (never under 180 days).
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    static final int MIN_RETENTION_DAYS = 180;

    private static final RowMapper<AuditEntry> ROW = AuditService::entry;

    private final org.gridwork.shared.time.BusinessTime time;
    private final NamedParameterJdbcTemplate jdbc;
    private final int retentionDays;

    AuditService(NamedParameterJdbcTemplate jdbc, @Value("${gridwork.audit.retention-days:365}") int retentionDays,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.retentionDays = Math.max(retentionDays, MIN_RETENTION_DAYS);
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

    private void append(AuditEvent event, Long actorId, String actorName, String address) {
        jdbc.update("""
                insert into audit_event (actor_id, actor_name, address, action, target_type, target_id, success, details,
                                         prev_hash, hash)
                values (:actorId, :actorName, :address, :action, :targetType, :targetId, :success, :details, '', '')""",
                new MapSqlParameterSource()
                        .addValue("actorId", actorId)
                        .addValue("actorName", cut(actorName, 100))
                        .addValue("address", cut(address, 64))
                        .addValue("action", cut(event.action(), 60))
                        .addValue("targetType", cut(event.targetType(), 60))
                        .addValue("targetId", cut(event.targetId(), 100))
                        .addValue("success", event.success())
                        .addValue("details", cut(event.details(), 1000)));
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
     * Recomputes every row's hash and its link to the previous row. Answers the id of the first row
     * that does not match (changed or a row removed before it), or null when the chain holds.
     */
    public Long firstBrokenLink() {
        return jdbc.query("""
                select id from (
                    select id, hash, prev_hash,
                           encode(sha256(convert_to(audit_event_content(e), 'UTF8')), 'hex') as recomputed,
                           lag(hash) over (order by id) as previous,
                           row_number() over (order by id) as n
                    from audit_event e) c
                where hash <> recomputed or (n > 1 and prev_hash <> previous)
                order by id limit 1""", new MapSqlParameterSource(), rs -> rs.next() ? rs.getLong(1) : null);
    }

    /** Removes rows past the retention period; the database itself refuses anything younger than 180 days. */
    @Transactional
    public int purgeExpired() {
        return jdbc.update("delete from audit_event where occurred_at < now() - make_interval(days => :days)",
                new MapSqlParameterSource("days", retentionDays));
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
