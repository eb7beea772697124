package org.gridwork.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridwork.territory.GridScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The list reads of the task module, in SQL: aggregated over assignments, paged in the database. */
@Component
class TaskQueries {

    /** Which tasks a list shows. */
    enum State {
        OPEN, OVERDUE, DONE, ALL;

        static State parse(String value, State fallback) {
            for (State s : values()) {
                if (s.name().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            return fallback;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TaskCalendar calendar;

    TaskQueries(NamedParameterJdbcTemplate jdbc, TaskCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Tasks with at least one assignee on a grid in scope; figures count those assignees only. */
    TaskListPage managed(GridScope scope, String search, State state, String sort, Pageable pageable) {
        if (scope.isEmpty()) {
            return new TaskListPage(List.of(), pageable, 0, 0);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("today", calendar.today());
        StringBuilder sql = new StringBuilder("""
                select t.id, t.title, t.due_date, t.original_due_date, t.created_at, count(*) as total,
                       count(*) filter (where a.status = 'DONE') as done,
                       count(*) filter (where a.status = 'IN_PROGRESS') as in_progress
                from task t join task_assignment a on a.task_id = t.id
                where true""");
        if (!scope.unrestricted()) {
            sql.append(" and a.grid_id in (:grids)");
            params.put("grids", scope.gridIds());
        }
        if (search != null && !search.isBlank()) {
            sql.append(" and t.title ilike :pattern");
            params.put("pattern", "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" group by t.id");
        switch (state) {
            case OPEN -> sql.append(" having count(*) filter (where a.status <> 'DONE') > 0");
            case OVERDUE -> sql.append(" having count(*) filter (where a.status <> 'DONE') > 0 and t.due_date < :today");
            case DONE -> sql.append(" having count(*) filter (where a.status <> 'DONE') = 0");
            case ALL -> { }
        }
        long[] totals = jdbc.queryForObject("select count(*), coalesce(sum(total - done), 0) from (" + sql + ") x", params,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        String order = switch (sort == null ? "" : sort) {
            case "created" -> " order by t.created_at desc, t.id desc";
            case "title" -> " order by t.title, t.id";
            default -> " order by t.due_date, t.id";
        };
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        LocalDate today = calendar.today();
        List<TaskListItem> rows = jdbc.query(sql + order + " limit :limit offset :offset", params,
                (rs, i) -> listItem(rs, today));
        return new TaskListPage(rows, pageable, totals[0], totals[1]);
    }

    private static TaskListItem listItem(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        int total = rs.getInt("total");
        int done = rs.getInt("done");
        return new TaskListItem(rs.getLong("id"), rs.getString("title"), due,
                !due.equals(rs.getObject("original_due_date", LocalDate.class)), total, done,
                rs.getInt("in_progress"), done < total && today.isAfter(due));
    }

    /** A grid staff member's own assignments: open ones first, soonest due first. */
    Page<MyAssignment> mine(long userId, State state, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        params.put("me", userId);
        String where = " where a.assignee_id = :me" + switch (state) {
            case OPEN -> " and a.status <> 'DONE'";
            case OVERDUE -> " and a.status <> 'DONE' and t.due_date < :today";
            case DONE -> " and a.status = 'DONE'";
            case ALL -> "";
        };
        params.put("today", calendar.today());
        String from = " from task_assignment a join task t on t.id = a.task_id join grid g on g.id = a.grid_id";
        Long total = jdbc.queryForObject("select count(*)" + from + where, params, Long.class);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<MyAssignment> rows = jdbc.query("select t.id as task_id, a.id, t.title, t.instructions, t.due_date,"
                + " g.name as grid_name, a.status, a.note, a.photo_id, a.updated_at" + from + where
                + " order by (a.status = 'DONE'), t.due_date, t.id limit :limit offset :offset", params,
                (rs, i) -> myAssignment(rs));
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** One of the user's assignments, if it is theirs. */
    java.util.Optional<MyAssignment> mine(long userId, long taskId) {
        List<MyAssignment> found = jdbc.query("select t.id as task_id, a.id, t.title, t.instructions, t.due_date,"
                + " g.name as grid_name, a.status, a.note, a.photo_id, a.updated_at"
                + " from task_assignment a join task t on t.id = a.task_id join grid g on g.id = a.grid_id"
                + " where a.assignee_id = :me and a.task_id = :task", Map.of("me", userId, "task", taskId),
                (rs, i) -> myAssignment(rs));
        return found.stream().findFirst();
    }

    private MyAssignment myAssignment(ResultSet rs) throws SQLException {
        TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        java.sql.Timestamp updated = rs.getTimestamp("updated_at");
        return new MyAssignment(rs.getLong("task_id"), rs.getLong("id"), rs.getString("title"),
                rs.getString("instructions"), due, rs.getString("grid_name"), status, rs.getString("note"),
                rs.getObject("photo_id") != null, updated == null ? null : updated.toInstant(),
                calendar.isOverdue(due, status));
    }

    /** Open and overdue assignments per grid, for grids that have any. */
    List<GridTaskCounts> countsByGrid(Collection<Long> gridIds) {
        if (gridIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select a.grid_id, count(*) as open, count(*) filter (where t.due_date < :today) as overdue
                from task_assignment a join task t on t.id = a.task_id
                where a.status <> 'DONE' and a.grid_id in (:grids)
                group by a.grid_id""", Map.of("grids", gridIds, "today", calendar.today()),
                (rs, i) -> new GridTaskCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }
}
