package org.gridwork.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.dashboard.GridFigure;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The task module's dashboard figures: open and overdue task assignments per grid. */
@Component
class TaskDashboardFigures implements DashboardFigures {

    private final TaskQueries queries;

    TaskDashboardFigures(TaskQueries queries) {
        this.queries = queries;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.TASKS_OPEN, Figure.TASKS_OVERDUE);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        List<GridFigure> figures = new ArrayList<>();
        for (GridTaskCounts c : queries.countsByGrid(gridIds)) {
            figures.add(GridFigure.count(c.gridId(), Figure.TASKS_OPEN, "", c.open()));
            figures.add(GridFigure.count(c.gridId(), Figure.TASKS_OVERDUE, "", c.overdue()));
        }
        return figures;
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month) {
        String state = figure == Figure.TASKS_OVERDUE ? "overdue" : "open";
        return UriComponentsBuilder.fromPath("/tasks").queryParam("state", state).queryParam("node", nodeCode)
                .encode().toUriString();
    }
}
