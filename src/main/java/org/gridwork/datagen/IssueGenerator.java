package org.gridwork.datagen;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Issues over the preset's history in the states their age makes likely (old ones mostly closed,
 * recent ones spread over the open states), with timestamps in workflow order, deadlines from the
 * category's limit, some handled late, some reworked, and a timeline event per step.
 */
@Component
@Profile("datagen")
@Order(2)
class IssueGenerator implements ResidentDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(IssueGenerator.class);
    private static final String[] PLACES = {"东街", "西街", "村委会门口", "小学路口", "村南水塘", "集市", "后街巷口", "麦田边", "卫生室旁", "文化广场"};

    private final org.gridwork.shared.time.BusinessTime time;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    IssueGenerator(DataSource dataSource, JdbcTemplate jdbc, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    private record Category(long id, String name, long limitHours, long verifyHours) {
    }

    @Override
    public void generate(Preset preset, Random random, List<TerritoryGenerator.GeneratedGrid> grids, Map<Long, Long> staffOfGrid) {
        List<Category> categories = jdbc.query("select id, name_zh, limit_amount, limit_unit, verify_limit_hours"
                + " from issue_category where parent_id is not null order by id", (rs, i) -> new Category(rs.getLong(1),
                        rs.getString(2), rs.getString(4).equals("HOURS") ? rs.getLong(3) : rs.getLong(3) * 24 * 7 / 5,
                        rs.getLong(5)));
        Map<Long, String> paths = new HashMap<>();
        jdbc.query("select id, region_path from grid", rs -> {
            paths.put(rs.getLong(1), rs.getString(2));
        });
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select id, display_name from app_user", rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        long supervisor = jdbc.queryForObject("select id from app_user where username = 'supervisor'", Long.class);
        long handlerDepartment = jdbc.queryForObject("select id from department where code = 'PCS'", Long.class);
        Instant now = time.now();
        long historySeconds = preset.historyDays() * 86_400L;
        long events = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (CopyWriter issues = new CopyWriter("issue", "id, category_id, status, urgency, source, description,"
                    + " address, longitude, latitude, grid_id, region_path, reporter_id, reported_at, filed_at,"
                    + " dispatched_at, deadline, original_deadline, warn50_at, warn80_at, warning_level, overdue,"
                    + " assignee_user_id, assignee_department_id, handled_at, feedback, verify_deadline, rework_count,"
                    + " closed_at, updated_at");
                    CopyWriter timeline = new CopyWriter("issue_event",
                            "issue_id, at, actor_id, actor_name, action, from_status, to_status, comment")) {
                for (long id = 1; id <= preset.issues(); id++) {
                    var grid = grids.get(random.nextInt(grids.size()));
                    Category category = categories.get(random.nextInt(categories.size()));
                    long staff = staffOfGrid.get(grid.id());
                    // more issues in recent months: the square root skews ages towards the present
                    long ageSeconds = (long) (historySeconds * Math.pow(random.nextDouble(), 1.6));
                    Instant reported = now.minusSeconds(ageSeconds);
                    String status = status(random, ageSeconds / 86_400);
                    double lon = grid.west() + random.nextDouble() * (grid.east() - grid.west());
                    double lat = grid.south() + random.nextDouble() * (grid.north() - grid.south());
                    String place = PLACES[random.nextInt(PLACES.length)];
                    List<Object[]> steps = new ArrayList<>();
                    steps.add(event(id, reported, staff, names, "REPORT", null, "REPORTED", null));
                    Instant filed = null, dispatched = null, deadline = null, handled = null, closed = null, verifyBy = null;
                    Instant warn50 = null, warn80 = null;
                    Long assignee = null, department = null;
                    int rework = 0;
                    Instant last = reported;
                    if (!status.equals("REPORTED")) {
                        filed = after(reported, random, 1800, 6 * 3600, now);
                        boolean rejected = status.equals("REJECTED");
                        steps.add(event(id, filed, supervisor, names, rejected ? "REJECT" : "FILE", "REPORTED",
                                rejected ? "REJECTED" : "FILED", rejected ? "不属于网格事项，已告知当事人。" : null));
                        last = filed;
                    }
                    if (List.of("DISPATCHED", "IN_PROGRESS", "HANDLED", "CLOSED").contains(status)) {
                        dispatched = after(filed, random, 600, 3 * 3600, now);
                        long limit = category.limitHours() * 3600;
                        deadline = dispatched.plusSeconds(limit);
                        warn50 = dispatched.plusSeconds(limit / 2);
                        warn80 = dispatched.plusSeconds(limit * 4 / 5);
                        if (random.nextInt(100) < 25) {
                            department = handlerDepartment;
                        } else {
                            assignee = staff;
                        }
                        steps.add(event(id, dispatched, supervisor, names, "DISPATCH", "FILED", "DISPATCHED", null));
                        last = dispatched;
                    }
                    if (List.of("IN_PROGRESS", "HANDLED", "CLOSED").contains(status)) {
                        Instant accepted = after(dispatched, random, 300, 2 * 3600, now);
                        steps.add(event(id, accepted, assignee == null ? null : assignee, names, "ACCEPT", "DISPATCHED",
                                "IN_PROGRESS", null));
                        last = accepted;
                    }
                    if (List.of("HANDLED", "CLOSED").contains(status)) {
                        // most are handled within the limit, about one in seven late
                        double share = random.nextInt(7) == 0 ? 1.05 + random.nextDouble() * 0.8 : 0.15 + random.nextDouble() * 0.8;
                        handled = min(dispatched.plusSeconds((long) (category.limitHours() * 3600 * share)), now);
                        if (handled.isBefore(last)) {
                            handled = last.plusSeconds(60);
                        }
                        verifyBy = handled.plusSeconds(category.verifyHours() * 3600);
                        steps.add(event(id, handled, assignee, names, "HANDLED", "IN_PROGRESS", "HANDLED", "已现场处置完毕。"));
                        last = handled;
                    }
                    if (status.equals("CLOSED")) {
                        if (random.nextInt(100) < 5) {
                            rework = 1;
                        }
                        closed = min(after(handled, random, 1800, Math.max(3600, category.verifyHours() * 3600), now), now);
                        steps.add(event(id, closed, supervisor, names, "CLOSE", "HANDLED", "CLOSED", "核查属实，予以结案。"));
                        last = closed;
                    }
                    boolean open = status.equals("DISPATCHED") || status.equals("IN_PROGRESS");
                    boolean overdue = deadline != null && (open ? deadline.isBefore(now) : handled != null && handled.isAfter(deadline));
                    int warning = !open || deadline == null ? (overdue ? 100 : 0)
                            : deadline.isBefore(now) ? 100 : warn80.isBefore(now) ? 80 : warn50.isBefore(now) ? 50 : 0;
                    issues.row(id, category.id(), status, random.nextInt(100) < 8 ? "URGENT" : "NORMAL", source(random),
                            "发现" + category.name() + "问题，位于" + place + "附近，请尽快处理。", place, lon, lat, grid.id(),
                            paths.get(grid.id()), staff, reported, filed, dispatched, deadline, deadline, warn50, warn80,
                            warning, overdue, assignee, department, handled, handled == null ? null : "已现场处置完毕。",
                            verifyBy, rework, closed, last);
                    for (Object[] e : steps) {
                        timeline.row(e);
                        events++;
                    }
                }
                issues.load(c);
                timeline.load(c);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        jdbc.execute("select setval(pg_get_serial_sequence('issue', 'id'), " + Math.max(1, preset.issues()) + ")");
        log.info("datagen: {} issues with {} timeline events", preset.issues(), events);
    }

    private static String status(Random random, long ageDays) {
        int r = random.nextInt(100);
        if (ageDays > 30) {
            return r < 90 ? "CLOSED" : r < 97 ? "REJECTED" : r < 99 ? "IN_PROGRESS" : "HANDLED";
        }
        if (ageDays > 7) {
            return r < 60 ? "CLOSED" : r < 70 ? "HANDLED" : r < 82 ? "IN_PROGRESS" : r < 90 ? "DISPATCHED"
                    : r < 93 ? "FILED" : r < 98 ? "REJECTED" : "REPORTED";
        }
        return r < 15 ? "REPORTED" : r < 25 ? "FILED" : r < 50 ? "DISPATCHED" : r < 75 ? "IN_PROGRESS"
                : r < 85 ? "HANDLED" : r < 97 ? "CLOSED" : "REJECTED";
    }

    private static String source(Random random) {
        int r = random.nextInt(100);
        return r < 70 ? "STAFF" : r < 80 ? "VISIT" : r < 90 ? "SUPERVISOR" : "OPEN311";
    }

    private static Instant after(Instant from, Random random, long minSeconds, long maxSeconds, Instant cap) {
        return min(from.plusSeconds(minSeconds + (long) (random.nextDouble() * (maxSeconds - minSeconds))), cap);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Object[] event(long issueId, Instant at, Long actor, Map<Long, String> names, String action,
            String from, String to, String comment) {
        return new Object[] {issueId, at, actor, actor == null ? "系统" : names.getOrDefault(actor, "系统"), action, from, to, comment};
    }

}
