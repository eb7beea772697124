package org.gridwork.care;

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

/**
 * The care module's dashboard figure: visit coverage per grid, by the one definition
 * ({@link CoverageCounts}) that {@code /care/coverage} shows too.
 */
@Component
class CareDashboardFigures implements DashboardFigures {

    private final CoverageCounts coverage;

    CareDashboardFigures(CoverageCounts coverage) {
        this.coverage = coverage;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.CARE_COVERAGE);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        List<GridFigure> out = new ArrayList<>();
        coverage.perGrid(List.copyOf(gridIds), today).forEach((grid, c) ->
                out.add(GridFigure.ratio(grid, Figure.CARE_COVERAGE, c.people() - c.overdue(), c.people())));
        return out;
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month) {
        return gridId == null ? "/care/coverage?region=" + nodeCode : "/care/coverage/" + gridId;
    }
}
