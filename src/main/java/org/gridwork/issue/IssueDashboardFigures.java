package org.gridwork.issue;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.dashboard.GridFigure;
import org.gridwork.shared.dashboard.MapMarker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The issue module's dashboard figures (read only; added by the dashboard's engineer): aggregate
 * queries per batch of grids, run by the dashboard's scheduled refresh, never per page view.
 * On time = handled (the final handling, after any rework) no later than the deadline, which an
 * approved extension has moved; an issue counts in the month it was closed.
 */
@Component
class IssueDashboardFigures implements DashboardFigures {

    private static final int WEEKS = 12;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    IssueDashboardFigures(JdbcTemplate jdbc, org.gridwork.shared.time.BusinessTime time) {
        this.jdbc = jdbc;
        this.zone = time.zone();
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.ISSUES_OPEN, Figure.ISSUES_OVERDUE, Figure.ISSUES_ON_TIME, Figure.ISSUES_CLOSE_HOURS,
                Figure.ISSUES_BY_CATEGORY, Figure.ISSUES_WEEKLY_REPORTED, Figure.ISSUES_WEEKLY_CLOSED,
                Figure.PUBLIC_SATISFACTION);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        Long[] grids = gridIds.toArray(Long[]::new);
        List<GridFigure> out = new ArrayList<>();
        jdbc.query("select grid_id, status, count(*) from issue where grid_id = any(?)"
                + " and status not in ('CLOSED', 'REJECTED') group by grid_id, status",
                rs -> {
                    out.add(GridFigure.count(rs.getLong(1), Figure.ISSUES_OPEN, rs.getString(2), rs.getLong(3)));
                }, (Object) grids);
        // the same rule as the issue list's "overdue" queue, so the figure and its list agree
        jdbc.query("select grid_id, count(*) from issue where grid_id = any(?) and overdue"
                + " and status in ('DISPATCHED', 'IN_PROGRESS') group by grid_id",
                rs -> {
                    out.add(GridFigure.count(rs.getLong(1), Figure.ISSUES_OVERDUE, "", rs.getLong(2)));
                }, (Object) grids);
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        Timestamp since = Timestamp.from(firstMonday.atStartOfDay(zone).toInstant());
        weekly(out, grids, "reported_at", since, Figure.ISSUES_WEEKLY_REPORTED);
        weekly(out, grids, "closed_at", since, Figure.ISSUES_WEEKLY_CLOSED);
        return out;
    }

    private void weekly(List<GridFigure> out, Long[] grids, String column, Timestamp since, Figure figure) {
        jdbc.query("select grid_id, date_trunc('week', " + column + " at time zone ?)::date as week, count(*)"
                + " from issue where grid_id = any(?) and " + column + " >= ? group by 1, 2",
                rs -> {
                    out.add(GridFigure.count(rs.getLong(1), figure, rs.getDate(2).toLocalDate().toString(), rs.getLong(3)));
                }, zone.getId(), grids, since);
    }

    @Override
    public List<GridFigure> month(Collection<Long> gridIds, YearMonth month) {
        Long[] grids = gridIds.toArray(Long[]::new);
        Timestamp start = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        List<GridFigure> out = new ArrayList<>();
        jdbc.query("select grid_id, count(*), count(*) filter (where handled_at <= deadline),"
                + " sum(extract(epoch from closed_at - reported_at)) / 3600.0"
                + " from issue where grid_id = any(?) and status = 'CLOSED' and closed_at >= ? and closed_at < ?"
                + " group by grid_id",
                rs -> {
                    long grid = rs.getLong(1);
                    long closed = rs.getLong(2);
                    out.add(GridFigure.ratio(grid, Figure.ISSUES_ON_TIME, rs.getLong(3), closed));
                    out.add(GridFigure.ratio(grid, Figure.ISSUES_CLOSE_HOURS, rs.getDouble(4), closed));
                }, grids, start, end);
        jdbc.query("select i.grid_id, coalesce(p.name_zh, c.name_zh), count(*) from issue i"
                + " join issue_category c on c.id = i.category_id left join issue_category p on p.id = c.parent_id"
                + " where i.grid_id = any(?) and i.reported_at >= ? and i.reported_at < ? group by 1, 2",
                rs -> {
                    out.add(GridFigure.count(rs.getLong(1), Figure.ISSUES_BY_CATEGORY, rs.getString(2), rs.getLong(3)));
                }, grids, start, end);
        // residents' ratings given in the month, by the issue's grid (IssueQueries.ratings lists the same rows)
        jdbc.query("select i.grid_id, count(*), count(*) filter (where p.satisfaction in ('SATISFIED', 'BASIC'))"
                + " from public_report p join issue i on i.id = p.issue_id"
                + " where i.grid_id = any(?) and p.rated_at >= ? and p.rated_at < ? group by 1",
                rs -> {
                    out.add(GridFigure.ratio(rs.getLong(1), Figure.PUBLIC_SATISFACTION, rs.getLong(3), rs.getLong(2)));
                }, grids, start, end);
        return out;
    }

    @Override
    public YearMonth firstMonth() {
        java.sql.Timestamp first = jdbc.queryForObject("select min(reported_at) from issue", java.sql.Timestamp.class);
        return first == null ? null : YearMonth.from(first.toInstant().atZone(zone));
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month) {
        if (figure == Figure.PUBLIC_SATISFACTION) {
            // the ratings list filters by region, and by grid for a grid's own figure, so that its count equals the figure
            String region = gridId != null && nodeCode.contains("-") ? nodeCode.substring(0, nodeCode.indexOf('-')) : nodeCode;
            UriComponentsBuilder ratings = UriComponentsBuilder.fromPath("/issues/ratings").queryParam("region", region)
                    .queryParam("month", month.toString());
            if (gridId != null) {
                ratings.queryParam("grid", nodeCode);
            }
            return ratings.encode().toUriString();
        }
        // the issue list filters by region or grid code, to exactly the issues each figure counts
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/issues").queryParam("region", nodeCode);
        switch (figure) {
            case ISSUES_OPEN -> url.queryParam("view", "OPEN");
            case ISSUES_OVERDUE -> url.queryParam("view", "OVERDUE");
            case ISSUES_ON_TIME, ISSUES_CLOSE_HOURS -> url.queryParam("view", "CLOSED").queryParam("from", month.atDay(1))
                    .queryParam("to", month.atEndOfMonth());
            case ISSUES_BY_CATEGORY -> url.queryParam("view", "ALL").queryParam("from", month.atDay(1))
                    .queryParam("to", month.atEndOfMonth());
            default -> url.queryParam("view", "ALL");
        }
        return url.encode().toUriString();
    }

    @Override
    public List<MapMarker> markers(Collection<Long> gridIds, int limit) {
        return jdbc.query("select id, grid_id, longitude, latitude, left(description, 40) from issue"
                + " where grid_id = any(?) and status not in ('CLOSED', 'REJECTED') and longitude is not null"
                + " order by id desc limit ?",
                (rs, i) -> new MapMarker(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5),
                        "/issues/" + rs.getLong(1)), gridIds.toArray(Long[]::new), limit);
    }

}
