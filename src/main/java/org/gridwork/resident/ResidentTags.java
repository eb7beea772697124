package org.gridwork.resident;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.cache.Caches;
import org.gridwork.shared.cache.GridworkCache;
import org.gridwork.shared.security.Authorities;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of special-group tags (elderly living alone, disabled…) with their default visit
 * intervals: read by every register page from memory, changed by admins. Which residents carry a
 * tag is the register's business ({@link ResidentService#setTags}).
 */
@Service
@Transactional(readOnly = true)
public class ResidentTags {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    /** Other instances' tag edits show within 30 s; this instance's at once ({@link GridworkCache#RESIDENT_TAGS}). */
    private final org.springframework.cache.Cache tags;

    ResidentTags(JdbcTemplate jdbc, ApplicationEventPublisher events, Caches caches) {
        this.jdbc = jdbc;
        this.events = events;
        this.tags = caches.of(GridworkCache.RESIDENT_TAGS);
    }

    /** The special-group tags, by sort order: a handful of rows every register page shows, kept in memory. */
    public List<TagSummary> tags() {
        return List.copyOf(tagsByCode().values());
    }

    /** By code, in sort order (read-only). */
    @Transactional(propagation = Propagation.SUPPORTS) // read from memory: no transaction to open
    public Map<String, TagSummary> tagsByCode() {
        return Caches.get(tags, "all", this::loadTags);
    }

    private Map<String, TagSummary> loadTags() {
        List<TagSummary> list = jdbc.query("select code, name_zh, name_en, visit_interval_days, sensitive from resident_tag"
                + " order by sort_order, code",
                (rs, i) -> new TagSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)));
        return java.util.Collections.unmodifiableMap(list.stream().collect(Collectors.toMap(TagSummary::code,
                Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    /** Admins change a tag's default visit interval; open care plans keep their own interval. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void changeTagInterval(String code, int days) {
        if (days < 1 || days > 366) {
            throw new BusinessRuleException("resident.tag.interval.range");
        }
        if (jdbc.update("update resident_tag set visit_interval_days = ? where code = ?", days, code) == 0) {
            throw new NotFoundException("tag", code);
        }
        Caches.forgetNowAndAfterCommit(tags);
        events.publishEvent(AuditEvent.of("TAG_CHANGED", "RESIDENT_TAG", code, "interval " + days));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void addTag(String code, String nameZh, String nameEn, int days, boolean sensitive) {
        String c = code == null ? "" : code.strip().toUpperCase();
        if (!c.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new BusinessRuleException("resident.tag.code.invalid");
        }
        if (days < 1 || days > 366) {
            throw new BusinessRuleException("resident.tag.interval.range");
        }
        if (nameZh == null || nameZh.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new BusinessRuleException("resident.tag.name.required");
        }
        Integer exists = jdbc.queryForObject("select count(*) from resident_tag where code = ?", Integer.class, c);
        if (exists != null && exists > 0) {
            throw new BusinessRuleException("resident.tag.code.duplicate", c);
        }
        jdbc.update("insert into resident_tag(code, name_zh, name_en, visit_interval_days, sensitive, sort_order)"
                + " values (?, ?, ?, ?, ?, 200)", c, nameZh.strip(), nameEn.strip(), days, sensitive);
        Caches.forgetNowAndAfterCommit(tags);
        events.publishEvent(AuditEvent.of("TAG_CREATED", "RESIDENT_TAG", c, null));
    }
}
