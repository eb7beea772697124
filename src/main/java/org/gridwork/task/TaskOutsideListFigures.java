package org.gridwork.task;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.dashboard.GridFigure;
import org.gridwork.shared.time.BusinessTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Work outside the 准入清单 given in the month (issue 21), per grid: one for each grid staff member
 * it was meant for, whether still waiting, approved or refused. {@link TaskAdmission#outside}
 * lists the same rows.
 */
@Component
class TaskOutsideListFigures implements DashboardFigures {

    private final JdbcTemplate jdbc;
    private final BusinessTime time;

    TaskOutsideListFigures(JdbcTemplate jdbc, BusinessTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.TASKS_OUTSIDE_LIST);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        return List.of();
    }

    @Override
    public List<GridFigure> month(Collection<Long> gridIds, YearMonth month) {
        List<GridFigure> out = new ArrayList<>();
        jdbc.query("select p.grid_id, count(*) from task_pending_assignee p join task t on t.id = p.task_id"
                + " where t.outside_reason is not null and p.grid_id = any(?) and t.created_at >= ? and t.created_at < ?"
                + " group by p.grid_id", rs -> {
                    out.add(GridFigure.count(rs.getLong(1), Figure.TASKS_OUTSIDE_LIST, "", rs.getLong(2)));
                }, gridIds.toArray(Long[]::new), start(month), start(month.plusMonths(1)));
        return out;
    }

    private Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(time.zone()).toInstant());
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month) {
        return UriComponentsBuilder.fromPath("/tasks/outside").queryParam("node", nodeCode)
                .queryParam("month", month.toString()).encode().toUriString();
    }
}
