package org.gridwork.resident;

import java.util.List;

import org.gridwork.territory.GridBoundaryChanged;
import org.gridwork.territory.GridLocator;
import org.gridwork.territory.GridSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * After a grid's boundary was redrawn, homes (residents and households with a point) are placed
 * again by location, and each move is recorded on the resident. Homes without a point keep the
 * grid a user chose for them.
 */
@Component
class HomeRelocator {

    private final JdbcTemplate jdbc;
    private final GridLocator locator;
    private final ApplicationEventPublisher events;
    private final org.gridwork.territory.GridDirectory directory;

    HomeRelocator(JdbcTemplate jdbc, GridLocator locator, ApplicationEventPublisher events,
            org.gridwork.territory.GridDirectory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.locator = locator;
        this.events = events;
    }

    /** After the boundary change committed, in a transaction of its own; recorded, so a crash does not lose it. */
    // synchronous after commit, not @ApplicationModuleListener (async): the admin confirmed the moves the preview showed and looks at them next
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(GridBoundaryChanged changed) {
        locator.invalidate();
        GridBoundaryChanged.Area box = changed.changedArea();
        List<Object[]> homes = jdbc.query("select id, grid_id, longitude, latitude from resident where longitude is not null"
                + " and (grid_id = ? or (longitude between ? and ? and latitude between ? and ?))",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)},
                changed.gridId(), box.west(), box.east(), box.south(), box.north());
        for (Object[] h : homes) {
            long id = (Long) h[0];
            long from = (Long) h[1];
            GridSummary to = locator.locate((Double) h[2], (Double) h[3]).orElse(null);
            if (to != null && to.id() != from) {
                jdbc.update("update resident set grid_id = ?, updated_at = now() where id = ?", to.id(), id);
                jdbc.update("insert into resident_change(resident_id, kind, details) values (?, 'GRID_REASSIGNED', ?)",
                        // names and codes only: the label in the reader's language comes from the kind
                        id, directory.find(from).map(GridSummary::label).orElse(String.valueOf(from)) + " → " + to.label());
                events.publishEvent(new ResidentRelocated(id, from, to.id()));
            }
        }
        List<Object[]> households = jdbc.query("select id, grid_id, longitude, latitude from household"
                + " where longitude is not null and (grid_id = ? or (longitude between ? and ? and latitude between ? and ?))",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)},
                changed.gridId(), box.west(), box.east(), box.south(), box.north());
        for (Object[] h : households) {
            locator.locate((Double) h[2], (Double) h[3]).filter(g -> g.id() != (Long) h[1])
                    .ifPresent(g -> jdbc.update("update household set grid_id = ? where id = ?", g.id(), h[0]));
        }
    }
}
