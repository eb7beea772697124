package org.gridwork.issue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gridwork.territory.GridBoundaryChanged;
import org.gridwork.territory.GridLocator;
import org.gridwork.territory.GridSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A grid boundary was redrawn: open issues in the changed area move to the grid that now covers
 * their location, and their timeline says so (DOMAIN.md section 1).
 */
@Component
class IssueBoundaryListener {

    private final org.gridwork.shared.time.BusinessTime time;
    private final IssueRepository issues;
    private final IssueEventRepository timeline;
    private final GridLocator locator;
    private final JdbcTemplate jdbc;
    private final org.gridwork.territory.GridDirectory directory;

    IssueBoundaryListener(IssueRepository issues, IssueEventRepository timeline, GridLocator locator, JdbcTemplate jdbc,
            org.gridwork.shared.time.BusinessTime time, org.gridwork.territory.GridDirectory directory) {
        this.time = time;
        this.directory = directory;
        this.issues = issues;
        this.timeline = timeline;
        this.locator = locator;
        this.jdbc = jdbc;
    }

    /**
     * After the change committed, in a transaction of its own and on another thread (nobody waits on
     * the boundary page for issues to move; the timeline records it); recorded in the event
     * publication registry, so a crash does not lose it.
     */
    @ApplicationModuleListener
    public void onBoundaryChanged(GridBoundaryChanged changed) {
        locator.invalidate();
        GridBoundaryChanged.Area box = changed.changedArea();
        List<Long> candidates = jdbc.queryForList("select id from issue where status not in ('CLOSED', 'REJECTED')"
                + " and longitude is not null and (grid_id = ? or (longitude between ? and ? and latitude between ? and ?))",
                Long.class, changed.gridId(), box.west(), box.east(), box.south(), box.north());
        Instant now = time.now();
        for (Long id : candidates) {
            Issue issue = issues.findById(id).orElseThrow();
            Optional<GridSummary> now_ = locator.locate(issue.getLongitude(), issue.getLatitude());
            if (now_.isPresent() && now_.get().id() != issue.getGridId()) {
                // from: the grid the issue was in (not the redrawn grid, which may be the one it moves to)
                String from = directory.find(issue.getGridId()).map(GridSummary::label).orElse(String.valueOf(issue.getGridId()));
                issue.moveToGrid(now_.get().id(), now_.get().regionPath(), from + " → " + now_.get().label(), now);
                issues.save(issue);
                for (Issue.PendingEvent e : issue.drainPending()) {
                    timeline.save(new IssueEvent(id, e.at(), e.actor(), e.action(), e.from(), e.to(), e.comment()));
                }
            }
        }
    }
}
