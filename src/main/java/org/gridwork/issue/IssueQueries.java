package org.gridwork.issue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.DepartmentSummary;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.photo.PhotoStore;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionSummary;
import org.gridwork.territory.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issue module's reads. Lists and the CSV export in plain SQL: keyset paging on id (newest
 * first) and a count bounded at {@link #COUNT_LIMIT}, so that a page stays fast at half a million
 * issues; the scope condition is part of every query. One issue's page (its details, photos and
 * possible duplicates) and whom it can be given to, with the visibility rules of
 * {@link IssueService}: what the user may not see answers 404.
 */
@Service
@Transactional(readOnly = true)
public class IssueQueries {

    public static final int PAGE_SIZE = 25;
    public static final int COUNT_LIMIT = 10_000;
    public static final int EXPORT_LIMIT = 50_000;

    private final CappedCounts cappedCounts;
    private final JdbcTemplate jdbc;
    private final CurrentUsers currentUsers;
    private final DataScope dataScope;
    private final ApplicationEventPublisher events;
    private final Regions regions;
    private final Grids grids;
    private final ZoneId zone;
    private final org.gridwork.shared.time.BusinessTime time;
    private final IssueService issues;
    private final IssueEventRepository timeline;
    private final CategoryService categories;
    private final AccountService accounts;
    private final PhotoStore photos;
    private final IssueChains chains;

    IssueQueries(JdbcTemplate jdbc, CurrentUsers currentUsers, DataScope dataScope, ApplicationEventPublisher events,
            Regions regions, Grids grids, org.gridwork.shared.time.BusinessTime time,
            org.gridwork.shared.cache.Caches caches, IssueService issues, IssueEventRepository timeline,
            CategoryService categories, AccountService accounts, PhotoStore photos, IssueChains chains) {
        this.issues = issues;
        this.timeline = timeline;
        this.categories = categories;
        this.accounts = accounts;
        this.photos = photos;
        this.chains = chains;
        this.cappedCounts = new CappedCounts(caches.of(org.gridwork.shared.cache.GridworkCache.ISSUE_CAPPED_COUNTS));
        this.jdbc = jdbc;
        this.regions = regions;
        this.grids = grids;
        this.currentUsers = currentUsers;
        this.dataScope = dataScope;
        this.events = events;
        this.zone = time.zone();
        this.time = time;
    }

    public IssuePage list(IssueFilter filter) {
        Where w = where(filter, true);
        List<Object> args = new ArrayList<>(w.args);
        args.add(PAGE_SIZE + 1);
        List<IssueRow> rows = jdbc.query("select i.id, i.status, i.urgency, i.category_id, i.description, g.code,"
                + " i.reported_at, i.deadline, i.overdue from issue i left join grid g on g.id = i.grid_id where " + w.sql
                + " order by i.id desc limit ?", (rs, n) -> row(rs), args.toArray());
        Long next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = rows.get(PAGE_SIZE - 1).id();
        }
        Where all = where(filter, false);
        List<Object> countArgs = new ArrayList<>(all.args);
        countArgs.add(COUNT_LIMIT + 1);
        String countSql = "select count(*) from (select 1 from issue i where " + all.sql + " limit ?) c";
        Object[] countValues = countArgs.toArray();
        long c = cappedCounts.count(countSql, countValues, COUNT_LIMIT, () -> {
            Long count = jdbc.queryForObject(countSql, Long.class, countValues);
            return count == null ? 0 : count;
        });
        return new IssuePage(rows, next, Math.min(c, COUNT_LIMIT), c > COUNT_LIMIT);
    }

    /** Issues assigned to the user (or their department) that are being handled, by deadline. */
    public List<IssueRow> assignedTo(long userId) {
        return jdbc.query("select i.id, i.status, i.urgency, i.category_id, i.description, g.code, i.reported_at,"
                + " i.deadline, i.overdue from issue i left join grid g on g.id = i.grid_id"
                + " where i.assignee_user_id = ? and i.status in ('DISPATCHED', 'IN_PROGRESS')"
                + " order by i.deadline nulls last limit 100", (rs, n) -> row(rs), userId);
    }

    /** One resident's rating, for the list behind the dashboard's satisfaction figure. */
    public record RatingRow(long issueId, long categoryId, String gridCode, String satisfaction, Instant ratedAt) {
    }

    /** The ratings behind the satisfaction figure: how many, and the newest (at most {@code limit}). */
    public record Ratings(long total, long satisfied, List<RatingRow> rows) {
    }

    /**
     * Residents' ratings given in the month (Beijing time) on issues of the region node, within the
     * user's scope: the same rows as the dashboard's satisfaction figure counts, so the two agree.
     */
    public Ratings ratings(String regionCode, String gridCode, java.time.YearMonth month, int limit) {
        Where w = where(new IssueFilter("ALL", null, null, regionCode, null, null, null, null, null), false);
        String from = " from issue i join public_report p on p.issue_id = i.id join grid g on g.id = i.grid_id"
                + " where " + w.sql;
        List<Object> args = new ArrayList<>(w.args);
        if (gridCode != null && !gridCode.isBlank()) {
            from += " and g.code = ?";
            args.add(gridCode.strip());
        }
        args.add(Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()));
        args.add(Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        from += " and p.rated_at >= ? and p.rated_at < ?";
        long[] counts = jdbc.queryForObject("select count(*), count(*) filter (where p.satisfaction in ('SATISFIED', 'BASIC'))"
                + from, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, args.toArray());
        List<Object> listArgs = new ArrayList<>(args);
        listArgs.add(limit);
        List<RatingRow> rows = jdbc.query("select i.id, i.category_id, g.code, p.satisfaction, p.rated_at" + from
                + " order by p.rated_at desc limit ?", (rs, n) -> new RatingRow(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), listArgs.toArray());
        return new Ratings(counts[0], counts[1], rows);
    }

    /** Streams the filtered issues (at most {@link #EXPORT_LIMIT}) to the consumer; audited. */
    public int export(IssueFilter filter, Consumer<ExportRow> out) {
        Where w = where(new IssueFilter(filter.view(), filter.status(), filter.categoryId(), filter.regionCode(),
                filter.overdue(), filter.from(), filter.to(), filter.text(), null), false);
        List<Object> args = new ArrayList<>(w.args);
        args.add(EXPORT_LIMIT);
        int[] n = {0};
        jdbc.query("select i.id, i.status, i.urgency, i.source, c.name_zh, i.description, i.address, g.code, i.reported_at,"
                + " i.deadline, i.overdue, i.closed_at, i.category_id from issue i left join grid g on g.id = i.grid_id"
                + " join issue_category c on c.id = i.category_id where " + w.sql + " order by i.id desc limit ?", rs -> {
                    out.accept(new ExportRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10)), rs.getBoolean(11), instant(rs.getTimestamp(12)), rs.getLong(13)));
                    n[0]++;
                }, args.toArray());
        events.publishEvent(AuditEvent.of("EXPORT", "ISSUE", null, n[0] + " issues, view " + filter.view()));
        return n[0];
    }

    /**
     * Public requests (sources OPEN311 and PUBLIC, the residents' page), newest first. Without dates: the last 90 days,
     * as the GeoReport v2 specification asks.
     */
    public List<PublicRequest> publicRequests(List<Long> ids, List<Long> categoryIds, Instant start, Instant end,
            Boolean open, int limit, int offset) {
        // residents' reports from the public page are public requests too (never with their contact)
        StringBuilder sql = new StringBuilder("select id, status, category_id, description, reported_at, updated_at,"
                + " deadline, address, latitude, longitude from issue where source in ('OPEN311', 'PUBLIC')");
        List<Object> args = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            sql.append(" and id = any(?)");
            args.add(ids.toArray(new Long[0]));
        } else {
            Instant from = start != null ? start : (end != null ? end : time.now()).minus(java.time.Duration.ofDays(90));
            sql.append(" and reported_at >= ?");
            args.add(Timestamp.from(from));
            if (end != null) {
                sql.append(" and reported_at <= ?");
                args.add(Timestamp.from(end));
            }
        }
        if (categoryIds != null && !categoryIds.isEmpty()) {
            sql.append(" and category_id = any(?)");
            args.add(categoryIds.toArray(new Long[0]));
        }
        if (open != null) {
            sql.append(open ? " and status not in ('CLOSED', 'REJECTED')" : " and status in ('CLOSED', 'REJECTED')");
        }
        sql.append(" order by id desc limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), (rs, n) -> new PublicRequest(rs.getLong(1),
                !IssueStatus.valueOf(rs.getString(2)).finished(), rs.getLong(3), rs.getString(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8),
                (Double) rs.getObject(9), (Double) rs.getObject(10)), args.toArray());
    }

    public record ExportRow(long id, String status, String urgency, String source, String category, String description,
            String address, String gridCode, Instant reportedAt, Instant deadline, boolean overdue, Instant closedAt,
            long categoryId) {
    }

    private record Where(String sql, List<Object> args) {
    }

    private Where where(IssueFilter f, boolean withCursor) {
        CurrentUser user = currentUsers.require();
        GridScope scope = dataScope.of(user);
        StringBuilder sql = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        // scope
        if (user.role() == Role.HANDLER) {
            // dispatched to the department, or it helps (协办) or was called by a whistle (吹哨, issue 21)
            long dept = user.departmentId() == null ? -1L : user.departmentId();
            sql.append(" and (i.assignee_department_id = ? or i.id in (select issue_id from issue_co_department where department_id = ?)"
                    + " or i.id in (select w.issue_id from whistle_call w join whistle_response r on r.call_id = w.id"
                    + " where r.department_id = ?))");
            args.add(dept);
            args.add(dept);
            args.add(dept);
        } else if (user.role() == Role.SUPERVISOR && !scope.unrestricted()) {
            GridScope.Predicate inScope = scope.predicate("i.grid_id", "i.region_path");
            sql.append(" and ").append(inScope.sql());
            args.addAll(inScope.args());
        } else if (!scope.unrestricted()) {
            GridScope.Predicate inScope = scope.predicate("i.grid_id", "i.region_path");
            sql.append(" and (").append(inScope.sql()).append(" or i.assignee_user_id = ? or i.reporter_id = ?)");
            args.addAll(inScope.args());
            args.add(user.id());
            args.add(user.id());
        }
        String view = f.view() == null ? "ALL" : f.view();
        switch (view) {
            case "MINE" -> {
                if (user.role() == Role.HANDLER) {
                    sql.append(" and i.status not in ('CLOSED', 'REJECTED')");
                } else {
                    sql.append(" and (i.assignee_user_id = ? or i.reporter_id = ?)");
                    args.add(user.id());
                    args.add(user.id());
                }
            }
            case "AWAITING_FILING" -> sql.append(" and i.status = 'REPORTED'");
            // address-only reports a supervisor has yet to place on the map (IssuePlacement)
            case "TO_PLACE" -> sql.append(" and i.grid_id is null and i.status = 'REPORTED'");
            // issue 21: what went up to the county centre (all of it, or what it still has to file)
            case "ESCALATED" -> sql.append(" and i.handling_level = 'COUNTY'");
            case "AWAITING_COUNTY" -> sql.append(" and i.handling_level = 'COUNTY' and i.status = 'FILED' and i.county_filed_at is null");
            // the lists behind the chain's dashboard figures (EscalationDashboardFigures counts the same rows)
            case "AT_COUNTY" -> sql.append(" and i.handling_level = 'COUNTY' and i.status not in ('CLOSED', 'REJECTED')");
            case "HANDLED_AT_COUNTY" -> sql.append(" and i.handling_level = 'COUNTY' and i.status = 'CLOSED'");
            case "AWAITING_VERIFICATION" -> sql.append(" and i.status = 'HANDLED'");
            case "OVERDUE" -> sql.append(" and i.overdue and i.status in ('DISPATCHED', 'IN_PROGRESS')");
            // the lists behind the dashboard's figures: open = neither closed nor rejected; closed
            // (on-time rate, time to close) = closed, from/to then bounding the day it was closed
            case "OPEN" -> sql.append(" and i.status not in ('CLOSED', 'REJECTED')");
            case "CLOSED" -> sql.append(" and i.status = 'CLOSED'");
            default -> { }
        }
        if (f.status() != null) {
            sql.append(" and i.status = ?");
            args.add(f.status().name());
        }
        if (f.categoryId() != null) {
            sql.append(" and i.category_id in (select id from issue_category where id = ? or parent_id = ?)");
            args.add(f.categoryId());
            args.add(f.categoryId());
        }
        Long gridOfCode = f.regionCode() == null || !f.regionCode().contains("-") ? null
                : grids.findGridByCode(f.regionCode().strip()).map(g -> g.id()).orElse(-1L);
        if (gridOfCode != null) {
            // a grid code: the list behind a grid's figures
            sql.append(" and i.grid_id = ?");
            args.add(gridOfCode);
        } else if (f.regionCode() != null && !f.regionCode().isBlank()) {
            // a prefix of the materialised path: one index range scan, whatever the subtree's size
            String path = regions.findRegionByCode(f.regionCode().strip()).map(RegionSummary::path).orElse("/none/");
            // an unplaced issue lies in no region yet: the region's figures (by grid) do not count it, nor does its list
            sql.append(" and i.region_path like ? and i.grid_id is not null");
            args.add(path.replace("%", "").replace("_", "") + "%");
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" and i.overdue");
        }
        String dated = "CLOSED".equals(view) || "HANDLED_AT_COUNTY".equals(view) ? "i.closed_at" : "i.reported_at";
        if (f.from() != null) {
            sql.append(" and ").append(dated).append(" >= ?");
            args.add(Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" and ").append(dated).append(" < ?");
            args.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" and (i.description ilike ? or i.address ilike ?)");
            String like = "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        if (withCursor && f.before() != null) {
            sql.append(" and i.id < ?");
            args.add(f.before());
        }
        return new Where(sql.toString(), args);
    }

    // ---- one issue ----

    /** The issue page's content, or 404 when missing or out of scope. */
    public IssueDetails details(long id) {
        CurrentUser user = currentUsers.require();
        Issue i = issues.load(id, user);
        Actor a = issues.actor(user, i);
        Set<IssueAction> allowed = EnumSet.noneOf(IssueAction.class);
        for (IssueAction action : IssueAction.values()) {
            if (i.allows(action, a)) {
                allowed.add(action);
            }
        }
        CategorySummary category = categories.get(i.getCategoryId());
        CategorySummary major = category.parentId() == null ? category : categories.get(category.parentId());
        // read directly: a handler reaches no grid through the territory API, yet sees the issue's grid
        // an address-only report has no grid until a supervisor places it (V105)
        Map<String, Object> grid = i.getGridId() == null ? Map.of()
                : jdbc.queryForMap("select code, name from grid where id = ?", i.getGridId());
        String assignee = null;
        List<DepartmentSummary> allDepartments = accounts.departments();
        if (i.getAssigneeUserId() != null) {
            assignee = accounts.findUser(i.getAssigneeUserId()).map(UserSummary::displayName).orElse(null);
        } else if (i.getAssigneeDepartmentId() != null) {
            assignee = allDepartments.stream().filter(d -> d.id() == i.getAssigneeDepartmentId())
                    .map(DepartmentSummary::name).findFirst().orElse(null);
        }
        String reporter = i.getReporterId() == null ? null
                : accounts.findUser(i.getReporterId()).map(UserSummary::displayName).orElse(null);
        List<UUID> before = photoIds(id, "BEFORE");
        List<UUID> after = photoIds(id, "AFTER");
        List<Long> residents = jdbc.queryForList("select resident_id from issue_resident where issue_id = ? order by resident_id",
                Long.class, id);
        List<TimelineEntry> entries = timeline.findByIssueIdOrderByIdAsc(id).stream().map(IssueEvent::entry).toList();
        return new IssueDetails(i.getId(), i.getVersion(), i.getStatus(), i.getUrgency(), i.getSource(), category, major,
                i.getDescription(), i.getAddress(), i.getPeopleInvolved(), i.getLongitude(), i.getLatitude(), i.getGridId(),
                (String) grid.get("code"), (String) grid.get("name"), reporter, i.getVisitId(), i.getDuplicateOfId(), assignee, i.getAssigneeUserId(),
                i.getAssigneeDepartmentId(), i.getReportedAt(), i.getDispatchedAt(), i.getDeadline(),
                i.getOriginalDeadline(), i.isOverdue(), i.getWarningLevel(), i.getExtensionRequestedUntil(),
                i.getExtensionReason(), i.getHandledAt(), i.getFeedback(), i.getVerifyDeadline(), i.getReworkCount(),
                i.getClosedAt(), before, after, residents, entries, allowed, chains.read(i, a, allDepartments, issues.now()));
    }

    /** A photo of an issue the user may see (404 otherwise). */
    public byte[] photo(long issueId, UUID photoId, boolean thumbnail) {
        issues.load(issueId, currentUsers.require());
        Integer linked = jdbc.queryForObject("select count(*) from issue_photo where issue_id = ? and photo_id = ?",
                Integer.class, issueId, photoId);
        if (linked == null || linked == 0) {
            throw new NotFoundException("photo", photoId);
        }
        return photos.load(photoId, thumbnail).orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    /** Open issues of the category within {@code metres} of the point that the user may see: possible duplicates. */
    public List<IssueRow> nearby(long categoryId, double longitude, double latitude, double metres) {
        double dLat = metres / 111_320.0;
        double dLon = metres / (111_320.0 * Math.cos(Math.toRadians(latitude)));
        List<IssueRow> candidates = jdbc.query("""
                select i.id, i.status, i.urgency, i.category_id, i.description, g.code, i.reported_at, i.deadline,
                       i.overdue, i.longitude, i.latitude, i.grid_id, i.assignee_user_id, i.reporter_id, i.assignee_department_id
                from issue i join grid g on g.id = i.grid_id
                where i.category_id = ? and i.status not in ('CLOSED', 'REJECTED')
                  and i.latitude between ? and ? and i.longitude between ? and ?
                order by i.id desc limit 50""", (rs, n) -> {
                    double d = metresBetween(latitude, longitude, rs.getDouble("latitude"), rs.getDouble("longitude"));
                    if (d > metres || !visibleRow(rs.getLong("grid_id"), (Long) rs.getObject("assignee_user_id"),
                            (Long) rs.getObject("reporter_id"), (Long) rs.getObject("assignee_department_id"))) {
                        return null;
                    }
                    return row(rs);
                }, categoryId, latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon);
        return candidates.stream().filter(java.util.Objects::nonNull).toList();
    }

    static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_000;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    /** Grid staff who may be given an issue of this grid: those of the grid first, then the others. */
    public List<UserSummary> staffFor(long gridId) {
        List<UserSummary> staff = accounts.usersWithRole(Role.GRID_STAFF).stream().filter(UserSummary::enabled).toList();
        List<UserSummary> ofGrid = new ArrayList<>();
        List<UserSummary> others = new ArrayList<>();
        for (UserSummary u : staff) {
            CurrentUser cu = new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId());
            (dataScope.of(cu).allowsGrid(gridId) ? ofGrid : others).add(u);
        }
        ofGrid.addAll(others);
        return ofGrid;
    }

    /** The town offices a town dispatches to (county departments are the county centre's to dispatch to). */
    public List<DepartmentSummary> departments() {
        return accounts.departments().stream().filter(d -> d.active() && !d.county()).toList();
    }

    public Map<Long, String> userNames(List<Long> ids) {
        return accounts.findUsers(ids).stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
    }

    private List<UUID> photoIds(long id, String kind) {
        return jdbc.queryForList("select photo_id from issue_photo where issue_id = ? and kind = ? order by position",
                UUID.class, id, kind);
    }

    private boolean visibleRow(long gridId, Long assignee, Long reporter, Long department) {
        CurrentUser user = currentUsers.require();
        return IssueService.visibleTo(user, dataScope.of(user), gridId, assignee, reporter, department);
    }


    static IssueRow row(ResultSet rs) throws SQLException {
        return new IssueRow(rs.getLong("id"), IssueStatus.valueOf(rs.getString("status")),
                Urgency.valueOf(rs.getString("urgency")), rs.getLong("category_id"), excerpt(rs.getString("description")),
                rs.getString("code"), instant(rs.getTimestamp("reported_at")), instant(rs.getTimestamp("deadline")),
                rs.getBoolean("overdue"));
    }

    private static String excerpt(String s) {
        return s == null || s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
