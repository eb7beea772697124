package org.gridwork.datagen;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each town's supervisor gives all staff of the town's grids a task about once a month over the
 * preset's history: past tasks mostly done (some late, a few never), current ones in progress.
 */
@Component
@Profile("datagen")
@Order(3)
class TaskGenerator implements ResidentDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(TaskGenerator.class);
    private static final String[][] TASKS = {
        {"独居老人全覆盖走访", "本周内走访所辖网格全部独居老人，了解取暖和用药情况。"},
        {"汛前隐患排查", "逐户排查低洼地带房屋和沟渠，发现隐患当场上报事件。"},
        {"流动人口信息更新", "核对并更新所辖网格流动人口登记信息。"},
        {"燃气安全入户检查", "入户检查燃气管道和报警器，宣传安全用气常识。"},
        {"留守儿童假期关爱", "假期前走访留守儿童家庭，落实监护责任。"},
        {"人居环境整治", "清理房前屋后垃圾杂物，动员村民参与。"}};

    private final org.gridwork.shared.time.BusinessTime time;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    TaskGenerator(DataSource dataSource, JdbcTemplate jdbc, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    private record Staff(long userId, long gridId) {
    }

    @Override
    public void generate(Preset preset, Random random, List<TerritoryGenerator.GeneratedGrid> grids, Map<Long, Long> staffOfGrid) {
        Map<Long, List<Staff>> staffByTown = new LinkedHashMap<>();
        Map<Long, Long> supervisorOfTown = new LinkedHashMap<>();
        jdbc.query("select t.id, min(s.user_id), min(gs.user_id), min(g.id) from region t"
                + " join region_supervisor s on s.region_id = t.id join grid g on g.region_path like t.path || '%'"
                + " join grid_staff gs on gs.grid_id = g.id where t.level = 'TOWN' group by t.id, gs.user_id order by t.id, 3",
                rs -> {
                    supervisorOfTown.put(rs.getLong(1), rs.getLong(2));
                    staffByTown.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Staff(rs.getLong(3), rs.getLong(4)));
                });
        int staffCount = staffByTown.values().stream().mapToInt(List::size).sum();
        int tasksPerTown = Math.max(1, preset.taskAssignments() / Math.max(1, staffCount));
        LocalDate today = time.today();
        long taskId = 0;
        long assignmentId = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter tasks = new CopyWriter("task",
                    "id, title, instructions, due_date, original_due_date, created_by, created_at, updated_at");
                    CopyWriter assignments = new CopyWriter("task_assignment",
                            "id, task_id, assignee_id, grid_id, status, note, updated_at, done_at")) {
                for (var town : staffByTown.entrySet()) {
                    for (int t = 0; t < tasksPerTown; t++) {
                        taskId++;
                        LocalDate created = today.minusDays((long) t * preset.historyDays() / tasksPerTown + random.nextInt(5));
                        LocalDate due = created.plusDays(3 + random.nextInt(10));
                        String[] what = TASKS[random.nextInt(TASKS.length)];
                        var createdAt = created.atTime(9, 0).atZone(time.zone()).toInstant();
                        tasks.row(taskId, what[0], what[1], due, due, supervisorOfTown.get(town.getKey()), createdAt, createdAt);
                        for (Staff s : town.getValue()) {
                            assignmentId++;
                            boolean past = due.isBefore(today);
                            int r = random.nextInt(100);
                            String status = past ? (r < 92 ? "DONE" : r < 97 ? "IN_PROGRESS" : "NOT_STARTED")
                                    : (r < 35 ? "DONE" : r < 70 ? "IN_PROGRESS" : "NOT_STARTED");
                            LocalDate doneOn = status.equals("DONE")
                                    ? min(created.plusDays(1 + random.nextInt((int) (due.toEpochDay() - created.toEpochDay()) + 3)), today) : null;
                            var doneAt = doneOn == null ? null : doneOn.atTime(17, 0).atZone(time.zone()).toInstant();
                            assignments.row(assignmentId, taskId, s.userId(), s.gridId(), status,
                                    status.equals("DONE") ? "已完成。" : null, status.equals("NOT_STARTED") ? null : createdAt, doneAt);
                        }
                    }
                }
                tasks.load(c);
                assignments.load(c);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        jdbc.execute("select setval(pg_get_serial_sequence('task', 'id'), " + Math.max(1, taskId) + ")");
        jdbc.execute("select setval(pg_get_serial_sequence('task_assignment', 'id'), " + Math.max(1, assignmentId) + ")");
        log.info("datagen: {} tasks with {} assignments", taskId, assignmentId);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
