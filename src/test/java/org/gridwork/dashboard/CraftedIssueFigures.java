package org.gridwork.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.dashboard.GridFigure;
import org.gridwork.territory.TerritoryService;
import org.springframework.stereotype.Component;

/**
 * Issue figures for the crafted dashboard town only (test classpath), standing in for the issue
 * module so the roll-up of rates and averages is checked by hand: the figures are what the issue
 * module's queries would return for these issues.
 *
 * This month, grid 201-001: 4 closed, 3 on time (one after an approved extension), 10 + 20 + 30
 * + 40 hours (the 40 h one reported last month, closed this month); reported this month: 2
 * environment, 1 safety. Grid 202-001: 1 closed on time after a rework, 5 hours; reported 1
 * dispute. Last month, grid 201-001: 2 closed, 0 on time, 100 + 60 hours.
 * Open now: grid 201-001 2 DISPATCHED + 1 HANDLED, 1 of them overdue; grid 202-001 1 REPORTED.
 */
@Component
class CraftedIssueFigures implements DashboardFigures {

    private final TerritoryService territory;

    CraftedIssueFigures(TerritoryService territory) {
        this.territory = territory;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.ISSUES_OPEN, Figure.ISSUES_OVERDUE, Figure.ISSUES_ON_TIME, Figure.ISSUES_CLOSE_HOURS,
                Figure.ISSUES_BY_CATEGORY);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        List<GridFigure> out = new ArrayList<>();
        Long g1 = grid(DashboardTown.GRID_1, gridIds);
        Long g3 = grid(DashboardTown.GRID_3, gridIds);
        if (g1 != null) {
            out.add(GridFigure.count(g1, Figure.ISSUES_OPEN, "DISPATCHED", 2));
            out.add(GridFigure.count(g1, Figure.ISSUES_OPEN, "HANDLED", 1));
            out.add(GridFigure.count(g1, Figure.ISSUES_OVERDUE, "", 1));
        }
        if (g3 != null) {
            out.add(GridFigure.count(g3, Figure.ISSUES_OPEN, "REPORTED", 1));
        }
        return out;
    }

    @Override
    public List<GridFigure> month(Collection<Long> gridIds, YearMonth month) {
        List<GridFigure> out = new ArrayList<>();
        Long g1 = grid(DashboardTown.GRID_1, gridIds);
        Long g3 = grid(DashboardTown.GRID_3, gridIds);
        YearMonth now = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        if (month.equals(now)) {
            if (g1 != null) {
                out.add(GridFigure.ratio(g1, Figure.ISSUES_ON_TIME, 3, 4));
                out.add(GridFigure.ratio(g1, Figure.ISSUES_CLOSE_HOURS, 100, 4));
                out.add(GridFigure.count(g1, Figure.ISSUES_BY_CATEGORY, "环境卫生", 2));
                out.add(GridFigure.count(g1, Figure.ISSUES_BY_CATEGORY, "安全隐患", 1));
            }
            if (g3 != null) {
                out.add(GridFigure.ratio(g3, Figure.ISSUES_ON_TIME, 1, 1));
                out.add(GridFigure.ratio(g3, Figure.ISSUES_CLOSE_HOURS, 5, 1));
                out.add(GridFigure.count(g3, Figure.ISSUES_BY_CATEGORY, "矛盾纠纷", 1));
            }
        } else if (month.equals(now.minusMonths(1)) && g1 != null) {
            out.add(GridFigure.ratio(g1, Figure.ISSUES_ON_TIME, 0, 2));
            out.add(GridFigure.ratio(g1, Figure.ISSUES_CLOSE_HOURS, 160, 2));
        }
        return out;
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, YearMonth month) {
        return null;
    }

    private Long grid(String code, Collection<Long> batch) {
        return territory.findGridByCode(code).map(g -> g.id()).filter(batch::contains).orElse(null);
    }
}
