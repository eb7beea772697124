package org.gridwork.issue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridwork.territory.GridBoundaryChanged;
import org.gridwork.territory.GridLocator;
import org.gridwork.territory.GridSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A grid boundary was redrawn: open issues in the changed area move to the grid that now covers
 * their location, and their timeline says so (DOMAIN.md section 1).
 */
@Component
class IssueBoundaryListener {

    private static final Pattern NUMBER_PAIR = Pattern.compile("\\[\\s*(-?[0-9.]+)\\s*,\\s*(-?[0-9.]+)\\s*]");

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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onBoundaryChanged(GridBoundaryChanged changed) {
        locator.invalidate();
        double[] box = bbox(changed.oldBoundaryGeojson(), changed.newBoundaryGeojson());
        List<Long> candidates = jdbc.queryForList("select id from issue where status not in ('CLOSED', 'REJECTED')"
                + " and longitude is not null and (grid_id = ? or (longitude between ? and ? and latitude between ? and ?))",
                Long.class, changed.gridId(), box[0], box[2], box[1], box[3]);
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

    /** west, south, east, north over both boundaries (either may be null). */
    static double[] bbox(String... geojsons) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (String g : geojsons) {
            if (g == null) {
                continue;
            }
            Matcher m = NUMBER_PAIR.matcher(g);
            while (m.find()) {
                double lon = Double.parseDouble(m.group(1));
                double lat = Double.parseDouble(m.group(2));
                b[0] = Math.min(b[0], lon);
                b[1] = Math.min(b[1], lat);
                b[2] = Math.max(b[2], lon);
                b[3] = Math.max(b[3], lat);
            }
        }
        return b;
    }
}
