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

    /** After the boundary change committed, in a transaction of its own. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(GridBoundaryChanged changed) {
        locator.invalidate();
        double[] box = Envelope.of(changed.oldBoundaryGeojson(), changed.newBoundaryGeojson());
        List<Object[]> homes = jdbc.query("select id, grid_id, longitude, latitude from resident where longitude is not null"
                + " and (grid_id = ? or (longitude between ? and ? and latitude between ? and ?))",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)},
                changed.gridId(), box[0], box[2], box[1], box[3]);
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
                changed.gridId(), box[0], box[2], box[1], box[3]);
        for (Object[] h : households) {
            locator.locate((Double) h[2], (Double) h[3]).filter(g -> g.id() != (Long) h[1])
                    .ifPresent(g -> jdbc.update("update household set grid_id = ? where id = ?", g.id(), h[0]));
        }
    }

    /** The bounding box (minLon, minLat, maxLon, maxLat) of every coordinate in the given GeoJSON texts. */
    static final class Envelope {
        private static final java.util.regex.Pattern PAIR =
                java.util.regex.Pattern.compile("\\[\\s*(-?[\\d.]+)\\s*,\\s*(-?[\\d.]+)\\s*]");

        static double[] of(String... geojsons) {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (String g : geojsons) {
                if (g == null) {
                    continue;
                }
                var m = PAIR.matcher(g);
                while (m.find()) {
                    double x = Double.parseDouble(m.group(1));
                    double y = Double.parseDouble(m.group(2));
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
            }
            if (b[0] == Double.MAX_VALUE) {
                return new double[] {0, 0, -1, -1};
            }
            return b;
        }
    }
}
