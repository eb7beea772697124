package org.gridwork.resident;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import org.gridwork.shared.text.PhoneNumber;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridLocator;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridSummary;
import org.gridwork.shared.text.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident register: registering residents, reading and changing their records (grid, status,
 * the tags they carry) and the import's building blocks. Every method checks the caller's data
 * scope; a resident outside it does not exist for them (404). Households are {@link Households}',
 * the tag catalogue {@link ResidentTags}'.
 */
@Service
@Transactional(readOnly = true)
public class ResidentService {

    private final JdbcTemplate jdbc;
    private final FieldEncryptor crypto;
    private final DataScope dataScope;
    private final GridLocator locator;
    private final ResidentSearch search;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final ResidentTags tags;

    private final org.gridwork.shared.time.BusinessTime time;

    ResidentService(JdbcTemplate jdbc, FieldEncryptor crypto, DataScope dataScope, GridLocator locator,
            ResidentSearch search, CurrentUsers currentUsers, ApplicationEventPublisher events,
            org.gridwork.shared.time.BusinessTime time, ResidentTags tags) {
        this.tags = tags;
        this.time = time;
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.dataScope = dataScope;
        this.locator = locator;
        this.search = search;
        this.currentUsers = currentUsers;
        this.events = events;
    }

    // ---- reading ----------------------------------------------------------------------------

    @Transactional(propagation = Propagation.SUPPORTS) // one statement: a transaction round trip each side cost more
    public ResidentPage search(ResidentQuery query) {
        GridScope scope = dataScope.current();
        if (query.gridId() != null && !scope.allowsGrid(query.gridId())) {
            return new ResidentPage(List.of(), false);
        }
        return search.page(scope, query);
    }

    /** Living residents of the caller's grids whose name or numbers match, for pickers (visit form). */
    public List<ResidentSummary> pick(String q, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return search(new ResidentQuery(q, null, null, ResidentStatus.LIVING, ResidentQuery.Sort.NAME, null, null,
                limit)).items();
    }

    /** One resident, or 404 when unknown or outside the caller's grids. */
    public ResidentSummary summary(long id) {
        return detail(id).summary();
    }

    public ResidentDetail detail(long id) {
        List<ResidentDetail> found = jdbc.query("select " + ResidentRows.COLUMNS + ", r.registration, r.relation_to_head,"
                + " r.longitude, r.latitude, r.status_date, r.status_reason, r.notes, r.version from resident r where r.id = ?",
                (rs, i) -> new ResidentDetail(ResidentRows.summary(rs, i), Registration.valueOf(rs.getString("registration")),
                        rs.getString("relation_to_head") == null ? null : Relation.valueOf(rs.getString("relation_to_head")),
                        ResidentRows.dbl(rs, "longitude"), ResidentRows.dbl(rs, "latitude"),
                        rs.getDate("status_date") == null ? null : rs.getDate("status_date").toLocalDate(),
                        rs.getString("status_reason"), rs.getString("notes"), rs.getLong("version")), id);
        if (found.isEmpty() || !dataScope.current().allowsGrid(found.get(0).summary().gridId())) {
            throw new NotFoundException("resident", id);
        }
        return found.get(0);
    }

    /** Summaries of the given residents that lie in the caller's scope (others are left out). */
    public Map<Long, ResidentSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        GridScope scope = dataScope.current();
        // in the register's pinyin order (zh-x-icu, V75), so lists built from it read as the register does
        return jdbc.query("select " + ResidentRows.COLUMNS + " from resident r where r.id = any(?)"
                + " order by r.name collate \"zh-x-icu\", r.id", ResidentRows.SUMMARY,
                (Object) ids.toArray(Long[]::new)).stream()
                .filter(r -> scope.allowsGrid(r.gridId()))
                .collect(Collectors.toMap(ResidentSummary::id, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /**
     * The given residents named for the current reader, in the order given: in full where their
     * grid is in the reader's scope, masked elsewhere (see {@link ResidentLabel}); unknown ids are left out.
     */
    public List<ResidentLabel> labels(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        GridScope scope = dataScope.current();
        Map<Long, ResidentLabel> found = new java.util.HashMap<>();
        jdbc.query("select id, name, grid_id from resident where id = any(?)", rs -> {
            boolean open = scope.allowsGrid(rs.getLong(3));
            found.put(rs.getLong(1), new ResidentLabel(rs.getLong(1),
                    open ? rs.getString(2) : ResidentLabel.maskName(rs.getString(2)), open));
        }, (Object) ids.toArray(Long[]::new));
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The full ID number, on purpose: every call is recorded in the audit trail. */
    @Transactional
    public String revealIdNumber(long id) {
        ResidentSummary r = summary(id);
        String enc = jdbc.queryForObject("select id_number_enc from resident where id = ?", String.class, r.id());
        events.publishEvent(AuditEvent.of("RESIDENT_ID_VIEWED", "RESIDENT", id, null));
        return crypto.decrypt(enc);
    }

    /** The phone number in full (grid staff call their residents); lists show it masked. */
    public Optional<String> phone(long id) {
        ResidentSummary r = summary(id);
        return Optional.ofNullable(crypto.decrypt(
                jdbc.queryForObject("select phone_enc from resident where id = ?", String.class, r.id())));
    }

    public void forEachInScope(ResidentQuery query, Consumer<ResidentSummary> each) {
        search.forEach(dataScope.current(), query, each);
    }

    public List<ChangeEntry> changes(long id) {
        summary(id);
        return jdbc.query("select changed_at, kind, details from resident_change where resident_id = ? order by changed_at desc limit 50",
                (rs, i) -> new ChangeEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)), id);
    }

    public record ChangeEntry(java.time.Instant at, String kind, String details) {
    }

    // ---- writing ----------------------------------------------------------------------------

    /** Registers a resident; refuses a duplicate ID number (naming the existing person only when in scope). */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public long register(ResidentDraft draft) {
        long id = insert(validate(draft, null), draft);
        events.publishEvent(AuditEvent.of("RESIDENT_CREATED", "RESIDENT", id, null));
        return id;
    }

    /** Inserts an already validated resident with their tags (care plans follow through the events). */
    long insert(Valid v, ResidentDraft draft) {
        return insert(v, draft, null);
    }

    /** {@code knownTags} given by imports: one lookup of the tags for the whole file. */
    long insert(Valid v, ResidentDraft draft, Map<String, TagSummary> knownTags) {
        Long id = jdbc.queryForObject("insert into resident(name, name_initials, name_initials_keys, gender, birth_date, id_number_enc, id_number_index,"
                + " id_number_masked, phone_enc, phone_index, phone_masked, registration, grid_id, address, longitude,"
                + " latitude, notes) values (?,?,?::text[],?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id", Long.class,
                v.name, PinyinInitials.of(v.name), PinyinInitials.keysLiteral(v.name), v.id.gender().name(), Date.valueOf(v.id.birthDate()),
                crypto.encrypt(v.id.value()), crypto.blindIndex(v.id.value()), v.id.masked(), crypto.encrypt(v.phone),
                crypto.blindIndex(PhoneNumber.e164(v.phone)), PhoneNumber.mask(v.phone), registration(draft).name(), v.grid,
                blankToNull(draft.address()), draft.longitude(), draft.latitude(), blankToNull(draft.notes()));
        if (draft.tags() != null && !draft.tags().isEmpty()) {
            Map<String, TagSummary> known = knownTags != null ? knownTags : tags.tagsByCode();
            for (String t : draft.tags()) {
                if (!known.containsKey(t)) {
                    throw new BusinessRuleException("resident.tag.unknown", t);
                }
                jdbc.update("insert into resident_tagging(resident_id, tag_code) values (?, ?)", id, t);
                events.publishEvent(new ResidentTagged(id, v.grid, t, known.get(t).visitIntervalDays()));
            }
        }
        return id;
    }

    /**
     * Inserts validated residents without tags in JDBC batches (imports: one round trip per
     * thousand rows instead of per row). Residents with tags go through {@link #insert} for their care plans.
     */
    int insertBatch(List<Valid> valid, List<ResidentDraft> drafts) {
        List<Object[]> args = new java.util.ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            Valid v = valid.get(i);
            ResidentDraft d = drafts.get(i);
            args.add(new Object[] {v.name, PinyinInitials.of(v.name), PinyinInitials.keysLiteral(v.name), v.id.gender().name(), Date.valueOf(v.id.birthDate()),
                    crypto.encrypt(v.id.value()),
                    crypto.blindIndex(v.id.value()), v.id.masked(), crypto.encrypt(v.phone), crypto.blindIndex(PhoneNumber.e164(v.phone)),
                    PhoneNumber.mask(v.phone), registration(d).name(), v.grid, blankToNull(d.address()), d.longitude(),
                    d.latitude(), blankToNull(d.notes())});
        }
        int done = 0;
        for (int from = 0; from < args.size(); from += 1000) {
            done += jdbc.batchUpdate("insert into resident(name, name_initials, name_initials_keys, gender, birth_date, id_number_enc, id_number_index,"
                    + " id_number_masked, phone_enc, phone_index, phone_masked, registration, grid_id, address, longitude,"
                    + " latitude, notes) values (?,?,?::text[],?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    args.subList(from, Math.min(args.size(), from + 1000))).length;
        }
        return done;
    }

    /** Blind indexes among the given ones that are registered already. */
    Set<String> registeredIdIndexes(Collection<String> indexes) {
        if (indexes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select id_number_index from resident where id_number_index = any(?)",
                String.class, (Object) indexes.toArray(String[]::new)));
    }

    String blindIndex(String value) {
        return crypto.blindIndex(value);
    }

    ApplicationEventPublisher events() {
        return events;
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void update(long id, ResidentDraft draft) {
        ResidentSummary before = summary(id);
        if (draft.idNumber() == null || draft.idNumber().isBlank()) {
            // a blank ID field keeps the number on file: the edit form never sends it to the browser
            draft = new ResidentDraft(draft.name(), crypto.decrypt(jdbc.queryForObject(
                    "select id_number_enc from resident where id = ?", String.class, id)), draft.phone(),
                    draft.registration(), draft.gridId(), draft.address(), draft.longitude(), draft.latitude(),
                    draft.notes(), draft.tags());
        }
        Valid v = validate(draft, id);
        jdbc.update("update resident set name = ?, name_initials = ?, name_initials_keys = ?::text[], gender = ?, birth_date = ?, id_number_enc = ?, id_number_index = ?,"
                + " id_number_masked = ?, phone_enc = ?, phone_index = ?, phone_masked = ?, registration = ?, grid_id = ?,"
                + " address = ?, longitude = ?, latitude = ?, notes = ?, updated_at = now(), version = version + 1 where id = ?",
                v.name, PinyinInitials.of(v.name), PinyinInitials.keysLiteral(v.name), v.id.gender().name(), Date.valueOf(v.id.birthDate()),
                crypto.encrypt(v.id.value()), crypto.blindIndex(v.id.value()), v.id.masked(), crypto.encrypt(v.phone),
                crypto.blindIndex(PhoneNumber.e164(v.phone)), PhoneNumber.mask(v.phone), registration(draft).name(), v.grid,
                blankToNull(draft.address()), draft.longitude(), draft.latitude(), blankToNull(draft.notes()), id);
        if (before.gridId() != v.grid) {
            recordChange(id, "GRID_CHANGED", before.gridId() + " -> " + v.grid);
            events.publishEvent(new ResidentRelocated(id, before.gridId(), v.grid));
        }
        if (draft.tags() != null) {
            setTagsOf(id, v.grid, draft.tags());
        }
        events.publishEvent(AuditEvent.of("RESIDENT_CHANGED", "RESIDENT", id, null));
    }

    /** Replaces the resident's tags; added tags open care plans, removed ones close them (via events). */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void setTags(long id, Set<String> tags) {
        ResidentSummary r = summary(id);
        if (r.status() != ResidentStatus.LIVING) {
            throw new BusinessRuleException("resident.tags.notLiving");
        }
        setTagsOf(id, r.gridId(), tags);
        events.publishEvent(AuditEvent.of("RESIDENT_TAGS_CHANGED", "RESIDENT", id, String.join(",", tags)));
    }

    private void setTagsOf(long id, long gridId, Set<String> wanted) {
        Map<String, TagSummary> known = tags.tagsByCode();
        for (String t : wanted) {
            if (!known.containsKey(t)) {
                throw new BusinessRuleException("resident.tag.unknown", t);
            }
        }
        Set<String> current = new HashSet<>(jdbc.queryForList(
                "select tag_code from resident_tagging where resident_id = ?", String.class, id));
        for (String t : wanted) {
            if (!current.contains(t)) {
                jdbc.update("insert into resident_tagging(resident_id, tag_code) values (?, ?)", id, t);
                events.publishEvent(new ResidentTagged(id, gridId, t, known.get(t).visitIntervalDays()));
            }
        }
        for (String t : current) {
            if (!wanted.contains(t)) {
                jdbc.update("delete from resident_tagging where resident_id = ? and tag_code = ?", id, t);
                events.publishEvent(new ResidentUntagged(id, t));
            }
        }
    }

    /** Moved out or deceased (with date and reason), or back to living here; never a hard delete. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void changeStatus(long id, ResidentStatus status, LocalDate date, String reason) {
        ResidentSummary r = summary(id);
        if (status != ResidentStatus.LIVING && (date == null || reason == null || reason.isBlank())) {
            throw new BusinessRuleException("resident.status.dateAndReason");
        }
        TextLimits.require(reason == null ? null : reason.strip(), 200); // resident.status_reason
        if (date != null && date.isAfter(time.today())) {
            throw new BusinessRuleException("resident.status.future");
        }
        if (r.status() == ResidentStatus.DECEASED && status != ResidentStatus.DECEASED) {
            throw new BusinessRuleException("resident.status.deceasedFinal");
        }
        jdbc.update("update resident set status = ?, status_date = ?, status_reason = ?, updated_at = now(),"
                + " version = version + 1 where id = ?", status.name(), date == null ? null : Date.valueOf(date),
                blankToNull(reason), id);
        if (status != ResidentStatus.LIVING) {
            // no care plan for someone who is gone; tags stay as history of the person
            r.tags().forEach(t -> events.publishEvent(new ResidentUntagged(id, t)));
        }
        recordChange(id, "STATUS_" + status.name(), reason);
        events.publishEvent(AuditEvent.of("RESIDENT_STATUS_CHANGED", "RESIDENT", id, r.status() + " -> " + status));
    }

    void recordChange(long residentId, String kind, String details) {
        Long user = currentUsers.current().map(u -> u.id()).orElse(null);
        jdbc.update("insert into resident_change(resident_id, changed_by, kind, details) values (?, ?, ?, ?)",
                residentId, user, kind, details);
    }

    // ---- validation -------------------------------------------------------------------------

    record Valid(String name, IdNumber id, String phone, long grid) {
    }

    /** Checks a draft for register/update; field problems come back as {@link ResidentInvalid}. */
    @Transactional(readOnly = true, noRollbackFor = ResidentInvalid.class)
    Valid validate(ResidentDraft draft, Long selfId) {
        return validate(draft, selfId, true);
    }

    /** {@code checkDuplicate} false lets imports check a whole file's numbers in one query. */
    @Transactional(readOnly = true, noRollbackFor = ResidentInvalid.class)
    Valid validate(ResidentDraft draft, Long selfId, boolean checkDuplicate) {
        return validate(draft, selfId, checkDuplicate, dataScope.current());
    }

    /** With the scope given once, so that an import of 10,000 rows does not look it up 10,000 times. */
    @Transactional(readOnly = true, noRollbackFor = ResidentInvalid.class)
    Valid validate(ResidentDraft draft, Long selfId, boolean checkDuplicate, GridScope scope) {
        ResidentInvalid invalid = new ResidentInvalid();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            invalid.add("name", "resident.name.required");
        } else if (!TextLimits.fits(name, 50)) {
            invalid.add("name", TextLimits.TOO_LONG, TextLimits.args(50, TextLimits.length(name)));
        }
        IdNumber id = null;
        try {
            id = IdNumber.parse(draft.idNumber(), time.today());
            Long existing = !checkDuplicate ? null : jdbc.query("select id from resident where id_number_index = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, crypto.blindIndex(id.value()));
            if (existing != null && !existing.equals(selfId)) {
                Map<String, Object> other = jdbc.queryForMap("select grid_id, name from resident where id = ?", existing);
                if (scope.allowsGrid(((Number) other.get("grid_id")).longValue())) {
                    // the name, not the row number: the form links to the resident beside the message
                    invalid.add("idNumber", "resident.id.duplicateVisible", existing, other.get("name"));
                } else {
                    invalid.add("idNumber", "resident.id.duplicate");
                }
            }
        } catch (BusinessRuleException e) {
            invalid.add("idNumber", e.messageKey(), e.args());
        }
        String phone = null;
        try {
            phone = PhoneNumber.parse(draft.phone());
        } catch (BusinessRuleException e) {
            invalid.add("phone", e.messageKey());
        }
        Long grid = null;
        if ((draft.longitude() == null) != (draft.latitude() == null)) {
            invalid.add("longitude", "resident.point.incomplete");
        } else if (draft.longitude() != null) {
            Optional<GridSummary> located = locator.locate(draft.longitude(), draft.latitude());
            if (located.isEmpty()) {
                invalid.add("longitude", "resident.point.noGrid");
            } else if (!scope.allowsGrid(located.get().id())) {
                invalid.add("longitude", "resident.point.outsideScope", located.get().code());
            } else {
                grid = located.get().id();
            }
        } else if (draft.gridId() == null) {
            invalid.add("gridId", "resident.grid.required");
        } else if (!scope.allowsGrid(draft.gridId())) {
            invalid.add("gridId", "resident.grid.outsideScope");
        } else {
            grid = draft.gridId();
        }
        if (!TextLimits.fits(draft.address(), 200)) {
            invalid.add("address", TextLimits.TOO_LONG, TextLimits.args(200, TextLimits.length(draft.address())));
        }
        if (!TextLimits.fits(draft.notes(), 1000)) {
            invalid.add("notes", TextLimits.TOO_LONG, TextLimits.args(1000, TextLimits.length(draft.notes())));
        }
        invalid.throwIfAny();
        return new Valid(name, id, phone, grid);
    }

    private static Registration registration(ResidentDraft d) {
        return d.registration() == null ? Registration.REGISTERED : d.registration();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
