package org.gridwork.care;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gridwork.resident.ResidentRelocated;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentSummary;
import org.gridwork.resident.ResidentTagged;
import org.gridwork.resident.ResidentUntagged;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.visit.VisitLogged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Care plans for special groups: opened and closed by the resident's tags, moved on by visits,
 * and read as "who is due" (today screen) and "who is overdue" (coverage).
 */
@Service
@Transactional(readOnly = true)
public class CareService {

    private static final String COLUMNS = "id, resident_id, grid_id, tag_code, responsible_user_id, interval_days,"
            + " next_due, last_visit_on, help_kind, notes, status";
    private static final RowMapper<CarePlanView> PLAN = (rs, i) -> new CarePlanView(rs.getLong("id"),
            rs.getLong("resident_id"), rs.getLong("grid_id"), rs.getString("tag_code"),
            (Long) rs.getObject("responsible_user_id"), rs.getInt("interval_days"), rs.getDate("next_due").toLocalDate(),
            rs.getDate("last_visit_on") == null ? null : rs.getDate("last_visit_on").toLocalDate(),
            rs.getString("help_kind"), rs.getString("notes"), "OPEN".equals(rs.getString("status")));

    private final JdbcTemplate jdbc;
    private final ResidentService residents;
    private final DataScope dataScope;
    private final Regions regions;
    private final Grids territoryGrids;
    private final ApplicationEventPublisher events;
    private final CoverageCounts coverageCounts;
    private final org.gridwork.shared.time.BusinessTime time;

    CareService(JdbcTemplate jdbc, ResidentService residents, DataScope dataScope, Regions regions,
            Grids territoryGrids,
            ApplicationEventPublisher events, CoverageCounts coverageCounts,
            org.gridwork.shared.time.BusinessTime time) {
        this.coverageCounts = coverageCounts;
        this.time = time;
        this.jdbc = jdbc;
        this.residents = residents;
        this.dataScope = dataScope;
        this.regions = regions;
        this.territoryGrids = territoryGrids;
        this.events = events;
    }

    // ---- following the register (same transaction as the tag change) -------------------------

    /** A new special-group member is owed a first visit today (business time); later ones follow the interval. */
    @EventListener
    @Transactional
    public void on(ResidentTagged tagged) {
        jdbc.update("insert into care_plan(resident_id, grid_id, tag_code, interval_days, next_due)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing",
                tagged.residentId(), tagged.gridId(), tagged.tagCode(), tagged.visitIntervalDays(), Date.valueOf(time.today()));
    }

    @EventListener
    @Transactional
    public void on(ResidentUntagged untagged) {
        jdbc.update("update care_plan set status = 'CLOSED', closed_at = now(), version = version + 1"
                + " where resident_id = ? and tag_code = ? and status = 'OPEN'", untagged.residentId(), untagged.tagCode());
    }

    @EventListener
    @Transactional
    public void on(ResidentRelocated moved) {
        jdbc.update("update care_plan set grid_id = ? where resident_id = ? and status = 'OPEN'",
                moved.toGridId(), moved.residentId());
    }

    // ---- reading ----------------------------------------------------------------------------

    /** Care plans of a resident (404 outside scope), open ones first. */
    public List<CarePlanView> plansOf(long residentId) {
        residents.summary(residentId);
        return jdbc.query("select " + COLUMNS + " from care_plan where resident_id = ? order by status desc, next_due",
                PLAN, residentId);
    }

    public CarePlanView plan(long planId) {
        CarePlanView p = jdbc.query("select " + COLUMNS + " from care_plan where id = ?", PLAN, planId).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("care plan", planId));
        if (!dataScope.current().allowsGrid(p.gridId())) {
            throw new NotFoundException("care plan", planId);
        }
        return p;
    }

    /**
     * Residents of the given scope owed a visit by {@code until} (inclusive), oldest due first;
     * plans with a responsible person count only for that person when {@code userId} is given.
     */
    public List<DueVisit> due(GridScope scope, LocalDate until, Long userId, Long gridId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select resident_id, min(grid_id) as grid_id, min(next_due) as due,"
                + " array_agg(tag_code order by tag_code) as tags from care_plan where status = 'OPEN' and next_due <= ?");
        args.add(Date.valueOf(until));
        GridScope.Predicate inScope = scope.predicate("grid_id", null);
        sql.append(" and ").append(inScope.sql());
        args.addAll(inScope.args());
        if (gridId != null) {
            sql.append(" and grid_id = ?");
            args.add(gridId);
        }
        if (userId != null) {
            sql.append(" and (responsible_user_id is null or responsible_user_id = ?)");
            args.add(userId);
        }
        sql.append(" group by resident_id order by due, resident_id limit ").append(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new DueVisit(rs.getLong(1), rs.getLong(2),
                rs.getDate(3).toLocalDate(), List.of((String[]) rs.getArray(4).getArray())), args.toArray());
    }

    /** Coverage of every grid in the caller's scope (supervisors: their subtree). */
    public List<GridCoverage> coverage() {
        return coverage(null);
    }

    /**
     * Coverage of the grids in the caller's scope under a region (its code; null for all): the list
     * behind the dashboard's coverage figure of that region.
     */
    public List<GridCoverage> coverage(String regionCode) {
        GridScope scope = dataScope.current();
        if (regionCode != null && !regions.findRegionByCode(regionCode)
                .map(r -> scope.allowsRegionPath(r.path())).orElse(false)) {
            throw new NotFoundException("region", regionCode);
        }
        List<GridSummary> grids = territoryGrids.gridsInScope().stream()
                .filter(g -> regionCode == null || g.regionPath().contains("/" + regionCode + "/")).toList();
        java.util.Map<Long, CoverageCounts.Counts> counts = coverageCounts.perGrid(
                scope.unrestricted() ? null : List.copyOf(scope.gridIds()), time.today());
        return grids.stream().map(g -> {
            CoverageCounts.Counts c = counts.getOrDefault(g.id(), new CoverageCounts.Counts(0, 0));
            return new GridCoverage(g.id(), g.code(), g.name(), (int) c.people(), (int) c.overdue());
        }).toList();
    }

    /** Overdue residents of one grid (404 outside scope): the list behind a coverage figure. */
    public List<DueVisit> overdueIn(long gridId) {
        dataScope.requireGrid(gridId);
        List<DueVisit> due = due(dataScope.current(), time.today().minusDays(1), null, gridId, 1000);
        // oldest due first; people due the same day in the register's pinyin order (ResidentService.summaries)
        java.util.Map<Long, Integer> byName = new java.util.HashMap<>();
        for (Long id : residents.summaries(due.stream().map(DueVisit::residentId).toList()).keySet()) {
            byName.put(id, byName.size());
        }
        List<DueVisit> sorted = new ArrayList<>(due);
        sorted.sort(java.util.Comparator.comparing(DueVisit::due)
                .thenComparingInt(d -> byName.getOrDefault(d.residentId(), Integer.MAX_VALUE)));
        return sorted;
    }

    // ---- changing ---------------------------------------------------------------------------

    /**
     * A visit was logged: the person's open care plans count it and are next due an interval
     * later. After the visit committed, in a transaction of its own, recorded in the event
     * publication registry (a crash does not lose it; {@code shared.events} submits it again).
     * The visit was checked against the staff member's scope when logged; a resubmission has no user.
     */
    // synchronous after commit, not @ApplicationModuleListener (async): the staff member is sent back to "today", which must no longer list the person
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(VisitLogged visit) {
        LocalDate on = visit.visitedOn();
        jdbc.update("update care_plan set last_visit_on = greatest(coalesce(last_visit_on, ?), ?),"
                + " next_due = greatest(coalesce(last_visit_on, ?), ?) + interval_days, version = version + 1"
                + " where resident_id = ? and status = 'OPEN'",
                Date.valueOf(on), Date.valueOf(on), Date.valueOf(on), Date.valueOf(on), visit.residentId());
    }

    /** Edits who looks after the person, how often, what help they get. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void updatePlan(long planId, Long responsibleUserId, int intervalDays, String helpKind, String notes) {
        CarePlanView p = plan(planId);
        if (!p.open()) {
            throw new BusinessRuleException("care.plan.closed");
        }
        if (intervalDays < 1 || intervalDays > 366) {
            throw new BusinessRuleException("care.plan.interval.range");
        }
        // the columns' sizes (V21), said with the limit instead of a database error
        if (helpKind != null && helpKind.strip().length() > 200) {
            throw new BusinessRuleException("care.plan.help.tooLong", 200, helpKind.strip().length());
        }
        if (notes != null && notes.strip().length() > 1000) {
            throw new BusinessRuleException("care.plan.notes.tooLong", 1000, notes.strip().length());
        }
        LocalDate base = p.lastVisitOn() != null ? p.lastVisitOn() : p.nextDue().minusDays(p.intervalDays());
        LocalDate next = p.lastVisitOn() != null ? base.plusDays(intervalDays) : p.nextDue();
        jdbc.update("update care_plan set responsible_user_id = ?, interval_days = ?, next_due = ?, help_kind = ?,"
                + " notes = ?, version = version + 1 where id = ?", responsibleUserId, intervalDays, Date.valueOf(next),
                blank(helpKind), blank(notes), planId);
        events.publishEvent(AuditEvent.of("CARE_PLAN_CHANGED", "CARE_PLAN", planId, "interval " + intervalDays));
    }

    /** Summaries of residents for display, keyed by id (only those in scope). */
    public java.util.Map<Long, ResidentSummary> residentsOf(Collection<DueVisit> due) {
        return residents.summaries(due.stream().map(DueVisit::residentId).toList());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
