package org.gridwork.territory;

import java.util.Comparator;
import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.security.Authorities;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who looks after which part of the territory: grid staff assigned to grids, supervisors to region
 * nodes. These assignments are what the data scopes are made of, so each change forgets the
 * remembered scopes; changes are for admins and are audited.
 */
@Service
@Transactional(readOnly = true)
public class StaffAssignments {

    private final RegionRepository regions;
    private final GridRepository grids;
    private final DataScope dataScope;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final AccountService accounts;
    private final GridDirectory directory;

    StaffAssignments(RegionRepository regions, GridRepository grids, DataScope dataScope, JdbcTemplate jdbc,
            ApplicationEventPublisher events, AccountService accounts, GridDirectory directory) {
        this.regions = regions;
        this.grids = grids;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
        this.directory = directory;
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void assignStaff(long gridId, long userId) {
        requireRole(userId, Role.GRID_STAFF);
        grids.findById(gridId).orElseThrow(() -> new NotFoundException("grid", gridId));
        jdbc.update("insert into grid_staff(grid_id, user_id) values (?, ?) on conflict do nothing", gridId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_STAFF_ASSIGNED", "GRID", gridId, person(userId) + " → " + gridName(gridId));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void assignSupervisor(long regionId, long userId) {
        requireRole(userId, Role.SUPERVISOR);
        regions.findById(regionId).orElseThrow(() -> new NotFoundException("region", regionId));
        jdbc.update("insert into region_supervisor(region_id, user_id) values (?, ?) on conflict do nothing",
                regionId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_SUPERVISOR_ASSIGNED", "REGION", regionId, person(userId) + " → " + regionName(regionId));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void unassignStaff(long gridId, long userId) {
        jdbc.update("delete from grid_staff where grid_id = ? and user_id = ?", gridId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_STAFF_UNASSIGNED", "GRID", gridId, person(userId) + " ✕ " + gridName(gridId));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void unassignSupervisor(long regionId, long userId) {
        jdbc.update("delete from region_supervisor where region_id = ? and user_id = ?", regionId, userId);
        directory.invalidate(); // scopes are remembered with the directory
        audit("TERRITORY_SUPERVISOR_UNASSIGNED", "REGION", regionId, person(userId) + " ✕ " + regionName(regionId));
    }

    public List<Long> staffOf(long gridId) {
        dataScope.requireGrid(gridId);
        return jdbc.queryForList("select user_id from grid_staff where grid_id = ? order by user_id", Long.class, gridId);
    }

    /** Grids assigned to a grid staff member (admin screens). */
    public List<GridSummary> gridsOfStaff(long userId) {
        List<Long> ids = jdbc.queryForList("select grid_id from grid_staff where user_id = ?", Long.class, userId);
        return grids.findByIdInOrderByCode(ids).stream().map(Grid::summary).toList();
    }

    /** Region nodes a supervisor watches over (admin screens). */
    public List<RegionSummary> regionsOfSupervisor(long userId) {
        List<Long> ids = jdbc.queryForList("select region_id from region_supervisor where user_id = ?", Long.class, userId);
        return regions.findByIdIn(ids).stream().map(Region::summary)
                .sorted(Comparator.comparing(RegionSummary::code)).toList();
    }

    private void requireRole(long userId, Role role) {
        UserSummary user = accounts.findUser(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (user.role() != role) {
            throw new BusinessRuleException("territory.staff.error.role", user.username());
        }
    }

    /** The audit line names people and places as a reader knows them ("王芳 (staff)"), not "user=3". */
    private String person(long userId) {
        return accounts.findUser(userId).map(u -> u.displayName() + " (" + u.username() + ")").orElse("#" + userId);
    }

    private String gridName(long gridId) {
        return directory.find(gridId).map(g -> directory.placeName(g) + " " + g.code()).orElse("#" + gridId);
    }

    private String regionName(long regionId) {
        return regions.findById(regionId).map(r -> r.getName() + " " + r.getCode()).orElse("#" + regionId);
    }

    private void audit(String action, String type, Object id, String details) {
        events.publishEvent(AuditEvent.of(action, type, id, details));
    }
}
