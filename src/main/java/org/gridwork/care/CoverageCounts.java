package org.gridwork.care;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one definition of visit coverage (走访覆盖率), used by {@code /care/coverage}, the dashboard
 * (and through it the map and the monthly report): people of special groups with an open care
 * plan, and how many of them are overdue, i.e. owed a visit before {@code today} in business time.
 * A person with several open plans counts once and is overdue when any plan is.
 */
@Component
class CoverageCounts {

    /** People and overdue people of one grid. */
    record Counts(long people, long overdue) {
    }

    private final JdbcTemplate jdbc;

    CoverageCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per grid with anybody to visit; {@code gridIds} null for every grid. */
    Map<Long, Counts> perGrid(List<Long> gridIds, LocalDate today) {
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(today));
        String filter = "";
        if (gridIds != null) {
            filter = " and grid_id = any(?)";
            args.add(gridIds.toArray(Long[]::new));
        }
        Map<Long, Counts> out = new HashMap<>();
        jdbc.query("select grid_id, count(distinct resident_id),"
                + " count(distinct resident_id) filter (where next_due < ?)"
                + " from care_plan where status = 'OPEN'" + filter + " group by grid_id",
                rs -> {
                    out.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                }, args.toArray());
        return out;
    }
}
