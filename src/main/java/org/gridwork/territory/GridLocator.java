package org.gridwork.territory;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Point to grid: which active grid covers a WGS 84 point. An STRtree over prepared boundaries
 * finds the few candidates whose envelope holds the point, then the prepared geometry decides
 * (holes excluded, edges and vertices included). A point on a shared edge or vertex is covered
 * by both neighbours; the grid with the smaller code wins (DOMAIN.md section 1).
 *
 * <p>The {@link GridIndex} is an immutable snapshot behind a volatile reference: readers never lock, a
 * rebuild swaps it whole. A boundary change in this instance drops it after commit; changes made
 * by other instances are seen through {@code grid_index_version}, checked at most once every
 * {@link #VERSION_CHECK_NANOS}.
 *
 * <p>Not a Spring cache (issue 17): one spatial index over every grid, built whole in one go and
 * swapped atomically when {@code grid_index_version} moves; there is no key to look up.
 */
@Component
public class GridLocator {

    static final long VERSION_CHECK_NANOS = 1_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

    private final JdbcTemplate jdbc;
    private volatile GridIndex index;
    private volatile long checkedAt;

    GridLocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The grid covering the point, if any. */
    public Optional<GridSummary> locate(double longitude, double latitude) {
        return current().locate(longitude, latitude);
    }

    /** Active grids whose boundary's envelope meets the given envelope, with their boundaries. */
    java.util.List<GridIndex.Located> meeting(org.locationtech.jts.geom.Envelope envelope) {
        return current().meeting(envelope);
    }

    /**
     * Every active grid's outline as GeoJSON (code, name, geometry), for the public reporting map:
     * no tiles may be reachable, so the outlines are what residents find their place by. Built
     * once per version of the grid index, like the index itself.
     */
    public String publicOutlines() {
        GridIndex current = current();
        Outlines cached = outlines;
        if (cached != null && cached.version() == current.version()) {
            return cached.json();
        }
        List<String[]> features = jdbc.query("""
                select code, name, boundary_geojson from grid
                where status = 'ACTIVE' and boundary_geojson is not null order by code""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        String json = GridFeatures.outlines(features);
        outlines = new Outlines(current.version(), json);
        return json;
    }

    private record Outlines(long version, String json) {
    }

    private volatile Outlines outlines;

    /** Forget the index; the next lookup rebuilds it (after a boundary changed). */
    public void invalidate() {
        index = null;
    }

    /** First among the after-commit listeners, so that modules re-assigning by location see the new index. */
    @TransactionalEventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onBoundaryChanged(GridBoundaryChanged changed) {
        invalidate();
    }

    private GridIndex current() {
        GridIndex current = index;
        long now = System.nanoTime();
        if (current != null && now - checkedAt < VERSION_CHECK_NANOS) {
            return current;
        }
        long version = storedVersion();
        checkedAt = now;
        if (current != null && current.version() == version) {
            return current;
        }
        return rebuild(version);
    }

    private synchronized GridIndex rebuild(long version) {
        GridIndex current = index;
        if (current != null && current.version() == version) {
            return current;
        }
        long started = System.nanoTime();
        GridIndex built = new GridIndex(version);
        jdbc.query("""
                select id, code, name, village_id, region_path, status, boundary_geojson
                from grid where status = 'ACTIVE' and boundary_geojson is not null""", rs -> {
            GridSummary grid = new GridSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                    rs.getLong("village_id"), rs.getString("region_path"), GridStatus.ACTIVE);
            try {
                Geometry boundary = GeoJson.read(rs.getString("boundary_geojson"), grid.code());
                built.add(grid, boundary);
            } catch (RuntimeException e) {
                log.warn("Grid {} has an unreadable boundary and is left out of the lookup", grid.code());
            }
        });
        index = built.build();
        log.debug("Grid lookup index: {} grids in {} ms", built.size(), (System.nanoTime() - started) / 1_000_000);
        return built;
    }

    private long storedVersion() {
        return jdbc.queryForObject("select version from grid_index_version where id = 1", Long.class);
    }

}
