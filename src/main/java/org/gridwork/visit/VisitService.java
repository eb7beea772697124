package org.gridwork.visit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentStatus;
import org.gridwork.resident.ResidentSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.photo.PhotoStore;
import org.gridwork.territory.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Visit logs (走访): written by grid staff of the resident's grid, read within the data scope. */
@Service
@Transactional(readOnly = true)
public class VisitService {

    static final int MAX_FINDINGS = 2000;
    static final int MAX_NEEDS = 1000;

    static final int MAX_PHOTOS = 4;

    private final JdbcTemplate jdbc;
    private final ResidentService residents;
    private final PhotoStore photos;
    private final CurrentUsers currentUsers;
    private final AccountService accounts;
    private final DataScope dataScope;
    private final ApplicationEventPublisher events;
    private final org.gridwork.shared.time.BusinessTime time;

    VisitService(JdbcTemplate jdbc, ResidentService residents, PhotoStore photos,
            CurrentUsers currentUsers, AccountService accounts, DataScope dataScope, ApplicationEventPublisher events,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.residents = residents;
        this.photos = photos;
        this.currentUsers = currentUsers;
        this.accounts = accounts;
        this.dataScope = dataScope;
        this.events = events;
    }

    /**
     * Logs a visit and moves the resident's care plans on. The same idempotency key twice answers
     * the visit saved the first time (a double click or a resubmitted form).
     */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public long log(VisitDraft draft) {
        CurrentUser user = currentUsers.require();
        if (user.is(Role.HANDLER)) {
            throw new NotFoundException("resident", draft.residentId());
        }
        ResidentSummary r = residents.summary(draft.residentId());
        if (draft.idempotencyKey() == null) {
            throw new BusinessRuleException("visit.form.expired");
        }
        Long existing = existing(draft.idempotencyKey());
        if (existing != null) {
            return existing;
        }
        if (r.status() != ResidentStatus.LIVING) {
            throw new BusinessRuleException("visit.resident.notLiving");
        }
        LocalDate today = time.today();
        LocalDate on = draft.visitedOn() == null ? today : draft.visitedOn();
        if (on.isAfter(today)) {
            throw new BusinessRuleException("visit.date.future");
        }
        if (draft.kind() == null || draft.condition() == null) {
            throw new BusinessRuleException("visit.kindAndCondition.required");
        }
        // refused with the limit stated, never cut short without a word
        if (draft.findings() != null && draft.findings().length() > MAX_FINDINGS) {
            throw new BusinessRuleException("visit.findings.tooLong", MAX_FINDINGS, draft.findings().length());
        }
        if (draft.needs() != null && draft.needs().length() > MAX_NEEDS) {
            throw new BusinessRuleException("visit.needs.tooLong", MAX_NEEDS, draft.needs().length());
        }
        List<byte[]> uploads = draft.photos() == null ? List.of()
                : draft.photos().stream().filter(p -> p != null && p.length > 0).toList();
        if (uploads.size() > MAX_PHOTOS) {
            throw new BusinessRuleException("visit.photos.tooMany", MAX_PHOTOS);
        }
        Long id = jdbc.query("insert into visit(resident_id, household_id, grid_id, staff_user_id, visited_on, kind, findings,"
                + " condition, needs, longitude, latitude, gps_accuracy_m, idempotency_key)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict (idempotency_key) do nothing returning id",
                rs -> rs.next() ? rs.getLong(1) : null,
                r.id(), r.householdId(), r.gridId(), user.id(), Date.valueOf(on), draft.kind().name(),
                clip(draft.findings(), MAX_FINDINGS), draft.condition().name(), clip(draft.needs(), MAX_NEEDS),
                validLon(draft.longitude(), draft.latitude()), validLat(draft.longitude(), draft.latitude()),
                draft.accuracy(), draft.idempotencyKey());
        if (id == null) {
            // a concurrent submission of the same form won the race
            return existing(draft.idempotencyKey());
        }
        for (byte[] p : uploads) {
            UUID photo = photos.store(p, user.id());
            jdbc.update("insert into visit_photo(visit_id, photo_id) values (?, ?)", id, photo);
        }
        // care plans follow through the event (care listens after commit): visit does not call care
        events.publishEvent(new VisitLogged(id, r.id(), r.gridId(), user.id(), on));
        events.publishEvent(AuditEvent.of("VISIT_LOGGED", "VISIT", id, "resident " + r.id()));
        return id;
    }

    private Long existing(UUID key) {
        return jdbc.query("select id from visit where idempotency_key = ?", rs -> rs.next() ? rs.getLong(1) : null, key);
    }

    /** One visit, 404 when unknown or outside the caller's grids. */
    public VisitView visit(long id) {
        List<VisitView> found = query("where v.id = ?", id);
        if (found.isEmpty() || !dataScope.current().allowsGrid(found.get(0).gridId())) {
            throw new NotFoundException("visit", id);
        }
        return found.get(0);
    }

    /** A resident's visits, newest first (404 when the resident is outside scope). */
    public List<VisitView> visitsOf(long residentId) {
        residents.summary(residentId);
        return query("where v.resident_id = ? order by v.visited_on desc, v.id desc limit 100", residentId);
    }

    /** The photo's bytes when it belongs to this visit and the visit is in scope. */
    public byte[] photo(long visitId, UUID photoId, boolean thumbnail) {
        VisitView v = visit(visitId);
        if (!v.photoIds().contains(photoId)) {
            throw new NotFoundException("photo", photoId);
        }
        return photos.load(photoId, thumbnail).orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    private List<VisitView> query(String where, Object... args) {
        List<Object[]> rows = jdbc.query("select v.id, v.resident_id, v.grid_id, v.staff_user_id, v.visited_on, v.kind,"
                + " v.findings, v.condition, v.needs, v.longitude, v.latitude,"
                + " array(select p.photo_id from visit_photo p where p.visit_id = v.id) from visit v " + where,
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10), rs.getObject(11), rs.getArray(12).getArray()}, args);
        Map<Long, String> staff = accounts.findUsers(rows.stream().map(r -> (Long) r[3]).distinct().toList()).stream()
                .collect(Collectors.toMap(UserSummary::id, UserSummary::displayName, (a, b) -> a));
        return rows.stream().map(r -> new VisitView((Long) r[0], (Long) r[1], (Long) r[2], (Long) r[3],
                staff.getOrDefault((Long) r[3], ""), (LocalDate) r[4], VisitKind.valueOf((String) r[5]), (String) r[6],
                Condition.valueOf((String) r[7]), (String) r[8], (Double) r[9], (Double) r[10],
                List.of((UUID[]) r[11]))).toList();
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static Double validLon(Double lon, Double lat) {
        return lon != null && lat != null && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? lon : null;
    }

    private static Double validLat(Double lon, Double lat) {
        return lon != null && lat != null && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? lat : null;
    }
}
