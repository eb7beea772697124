package org.gridwork.care;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.dashboard.GridFigure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The care module's dashboard figure (read only; added by the dashboard's engineer): visit
 * coverage per grid, counted as {@link CareService#coverage()} counts it (a person with several
 * open plans is overdue when any of them is).
 */
@Component
class CareDashboardFigures implements DashboardFigures {

    private final JdbcTemplate jdbc;

    CareDashboardFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.CARE_COVERAGE);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        List<GridFigure> out = new ArrayList<>();
        jdbc.query("select grid_id, count(distinct resident_id),"
                + " count(distinct resident_id) filter (where next_due < ?)"
                + " from care_plan where status = 'OPEN' and grid_id = any(?) group by grid_id",
                rs -> {
                    long people = rs.getLong(2);
                    out.add(GridFigure.ratio(rs.getLong(1), Figure.CARE_COVERAGE, people - rs.getLong(3), people));
                }, Date.valueOf(today), gridIds.toArray(Long[]::new));
        return out;
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month) {
        return gridId == null ? "/care/coverage" : "/care/coverage/" + gridId;
    }
}
