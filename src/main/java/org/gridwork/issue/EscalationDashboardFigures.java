package org.gridwork.issue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
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
 * The chain's dashboard figures (issue 21), per issue grid, each with the list that counts the
 * same rows: issues at the county now (the issue list's AT_COUNTY view), handled at the county
 * and closed in the month (HANDLED_AT_COUNTY, by the day closed), and the whistle calls of the
 * month: departments that reported in time over those due, and those that did not ({@code /whistles}).
 */
@Component
class EscalationDashboardFigures implements DashboardFigures {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;

    EscalationDashboardFigures(JdbcTemplate jdbc, BusinessTime time, Clock clock) {
        this.jdbc = jdbc;
        this.zone = time.zone();
        this.clock = clock;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.ISSUES_AT_COUNTY, Figure.ISSUES_HANDLED_AT_COUNTY, Figure.WHISTLE_RESPONSE, Figure.WHISTLE_MISSED);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        List<GridFigure> out = new ArrayList<>();
        jdbc.query("select grid_id, count(*) from issue where grid_id = any(?) and handling_level = 'COUNTY'"
                + " and status not in ('CLOSED', 'REJECTED') group by grid_id",
                rs -> {
                    out.add(GridFigure.count(rs.getLong(1), Figure.ISSUES_AT_COUNTY, "", rs.getLong(2)));
                }, (Object) gridIds.toArray(Long[]::new));
        return out;
    }

    @Override
    public List<GridFigure> month(Collection<Long> gridIds, YearMonth month) {
        Long[] grids = gridIds.toArray(Long[]::new);
        Timestamp start = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        List<GridFigure> out = new ArrayList<>();
        jdbc.query("select grid_id, count(*) from issue where grid_id = any(?) and handling_level = 'COUNTY'"
                + " and status = 'CLOSED' and closed_at >= ? and closed_at < ? group by grid_id",
                rs -> {
                    out.add(GridFigure.count(rs.getLong(1), Figure.ISSUES_HANDLED_AT_COUNTY, "", rs.getLong(2)));
                }, grids, start, end);
        // due = reported, or not reported with the deadline past (Whistles.list shows the same rows)
        jdbc.query("select i.grid_id, count(*) filter (where r.acknowledged_at <= w.respond_by),"
                + " count(*) filter (where r.acknowledged_at is not null or w.respond_by < ?)"
                + " from whistle_call w join whistle_response r on r.call_id = w.id join issue i on i.id = w.issue_id"
                + " where i.grid_id = any(?) and w.called_at >= ? and w.called_at < ? group by i.grid_id",
                rs -> {
                    long onTime = rs.getLong(2);
                    long due = rs.getLong(3);
                    out.add(GridFigure.ratio(rs.getLong(1), Figure.WHISTLE_RESPONSE, onTime, due));
                    out.add(GridFigure.count(rs.getLong(1), Figure.WHISTLE_MISSED, "", due - onTime));
                }, Timestamp.from(clock.instant()), grids, start, end);
        return out;
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month) {
        return switch (figure) {
            case ISSUES_AT_COUNTY -> UriComponentsBuilder.fromPath("/issues").queryParam("region", nodeCode)
                    .queryParam("view", "AT_COUNTY").encode().toUriString();
            case ISSUES_HANDLED_AT_COUNTY -> UriComponentsBuilder.fromPath("/issues").queryParam("region", nodeCode)
                    .queryParam("view", "HANDLED_AT_COUNTY").queryParam("from", month.atDay(1))
                    .queryParam("to", month.atEndOfMonth()).encode().toUriString();
            case WHISTLE_RESPONSE -> UriComponentsBuilder.fromPath("/whistles").queryParam("node", nodeCode)
                    .queryParam("month", month.toString()).encode().toUriString();
            case WHISTLE_MISSED -> UriComponentsBuilder.fromPath("/whistles").queryParam("node", nodeCode)
                    .queryParam("month", month.toString()).queryParam("missed", true).encode().toUriString();
            default -> null;
        };
    }
}
