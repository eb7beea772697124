package org.gridwork.dashboard.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grid boundaries (GeoJSON text) for the dashboard map, read from the territory's grid table
 * for grids the dashboard service has already checked against the user's scope.
 */
@Component
class GridBoundaries {

    private final NamedParameterJdbcTemplate jdbc;

    GridBoundaries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, String> of(Collection<Long> gridIds) {
        Map<Long, String> out = new HashMap<>();
        if (gridIds.isEmpty()) {
            return out;
        }
        jdbc.query("select id, boundary_geojson from grid where id in (:ids) and boundary_geojson is not null",
                Map.of("ids", gridIds), rs -> {
                    // a huge boundary is not served whole to every dashboard (issue 16)
                    out.put(rs.getLong(1), org.gridwork.territory.MapGeometry.forZoom(rs.getString(2), 14));
                });
        return out;
    }
}
