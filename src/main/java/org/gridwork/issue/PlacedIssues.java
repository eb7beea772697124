package org.gridwork.issue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.gridwork.territory.PlacedByLocation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Open issues as territory sees them when a boundary moves (the move preview, the unplaced list). */
@Component
class PlacedIssues implements PlacedByLocation {

    private final NamedParameterJdbcTemplate jdbc;

    PlacedIssues(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String labelKey() {
        return "issue.placed.open";
    }

    @Override
    public List<Placed> placedIn(double west, double south, double east, double north, Collection<Long> gridIds) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("w", west).addValue("s", south)
                .addValue("e", east).addValue("n", north)
                .addValue("g", gridIds.isEmpty() ? List.of(-1L) : new ArrayList<>(gridIds));
        return jdbc.query("""
                select id, grid_id, longitude, latitude, description from issue
                where status not in ('CLOSED', 'REJECTED') and longitude is not null
                  and (grid_id in (:g) or (longitude between :w and :e and latitude between :s and :n))""",
                p, (rs, i) -> new Placed(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                        "#" + rs.getLong(1) + " " + abbreviate(rs.getString(5))));
    }

    @Override
    public String link(long id) {
        return "/issues/" + id;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
