package org.gridwork.issue;

import java.time.Clock;
import java.util.List;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.security.Authorities;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridDirectory;
import org.gridwork.territory.GridLocator;
import org.gridwork.territory.GridStatus;
import org.gridwork.territory.GridSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports that arrive with an address and no point (GeoReport v2 allows {@code address_string} or
 * {@code address_id} instead of lat/long; Gridwork geocodes nothing) and their placing on the map.
 * Until placed such an issue has no grid (V105): it is held by the smallest area holding every
 * grid, so the admin and the supervisors of that area (the county centre of a county's
 * installation, the ones a channel's requests reach) see it in the "to be placed" queue; a town's
 * supervisors and grid staff do not. Once a supervisor taps its point it lands in that grid and
 * follows the normal loop.
 */
@Service
@Transactional(readOnly = true)
public class IssuePlacement {

    private final IssueService issues;
    private final CategoryService categories;
    private final GridDirectory directory;
    private final GridLocator locator;
    private final DataScope dataScope;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IssuePlacement(IssueService issues, CategoryService categories, GridDirectory directory, GridLocator locator,
            DataScope dataScope, CurrentUsers currentUsers, ApplicationEventPublisher events, Clock clock) {
        this.issues = issues;
        this.categories = categories;
        this.directory = directory;
        this.locator = locator;
        this.dataScope = dataScope;
        this.currentUsers = currentUsers;
        this.events = events;
        this.clock = clock;
    }

    /** An Open311 request with an address only: a REPORTED issue to be placed. Returns its id. */
    @PreAuthorize(Authorities.SYSTEM)
    @Transactional
    public long reportAddressOnly(long categoryId, String description, String address, String reporterContact,
            long keyId, String channel) {
        CategorySummary category = categories.get(categoryId);
        if (!category.subclass() || !category.active()) {
            throw new BusinessRuleException("issue.error.categoryRequired");
        }
        if (address == null || address.isBlank()) {
            throw new BusinessRuleException("issue.error.location");
        }
        Actor channelActor = new Actor(null, "Open311: " + channel, null, null, false);
        Issue issue = new Issue(new Issue.Report(category.id(), Urgency.NORMAL, IssueSource.OPEN311, description.strip(),
                address.strip(), null, null, null, null, holdingPath(), reporterContact, keyId, null, null),
                channelActor, clock.instant());
        long id = issues.saveNew(issue);
        events.publishEvent(AuditEvent.of("ISSUE_REPORTED", "ISSUE", id, "open311 " + channel + " " + category.code()
                + " address only, to be placed"));
        return id;
    }

    /**
     * The supervisor tapped the point of an unplaced report: it takes the grid there, which must be
     * one of the supervisor's (404 for an issue out of scope, a conflict for a stale version).
     */
    @PreAuthorize(Authorities.MANAGER)
    @Transactional
    public GridSummary place(long id, long version, Double longitude, Double latitude) {
        CurrentUser user = currentUsers.require();
        Issue issue = issues.loadInScope(id);
        if (issue.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Issue.class, id);
        }
        if (longitude == null || latitude == null || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
            throw new BusinessRuleException("issue.error.placeTap");
        }
        GridSummary grid = locator.locate(longitude, latitude)
                .orElseThrow(() -> new BusinessRuleException("issue.error.outsideGrids"));
        if (!dataScope.of(user).allowsGrid(grid.id())) {
            throw new BusinessRuleException("issue.error.placeOutsideScope", directory.placeName(grid));
        }
        issue.place(issues.actor(user, issue), longitude, latitude, grid.id(), grid.regionPath(),
                directory.placeName(grid) + " " + grid.code(), clock.instant());
        issues.saveChange(issue);
        events.publishEvent(AuditEvent.of("ISSUE_PLACED", "ISSUE", id, "grid " + grid.code()));
        return grid;
    }

    /**
     * The smallest area holding every active grid: the path their region paths share, cut at a
     * whole segment ('/13/1305/130528/' for a county's grids); '/' (admins only) when there is none.
     */
    String holdingPath() {
        List<String> paths = directory.all().stream().filter(g -> g.status() == GridStatus.ACTIVE)
                .map(GridSummary::regionPath).distinct().toList();
        return commonPath(paths);
    }

    static String commonPath(List<String> paths) {
        if (paths.isEmpty()) {
            return "/";
        }
        String common = paths.get(0);
        for (String p : paths) {
            int n = Math.min(common.length(), p.length());
            int i = 0;
            while (i < n && common.charAt(i) == p.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        int cut = common.lastIndexOf('/');
        return cut < 0 ? "/" : common.substring(0, cut + 1);
    }
}
