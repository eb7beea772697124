package org.gridwork.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridwork.account.AccountService;
import org.gridwork.account.CommandLevel;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.notify.UserNotification;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 网格事项准入清单 (issue 21): the list of work that may be given to grid staff, kept by admins
 * with the document that approved each type; work outside the list waits for the approval of the
 * level above before any staff member sees it; and the monthly burden report of work given to
 * grid staff by type and by giver.
 */
@Service
@Transactional(readOnly = true)
public class TaskAdmission {

    private final JdbcTemplate jdbc;
    private final TaskRepository tasks;
    private final TaskAssignmentRepository assignments;
    private final CurrentUsers currentUsers;
    private final DataScope dataScope;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final Clock clock;
    private final TaskService taskService;

    TaskAdmission(JdbcTemplate jdbc, TaskRepository tasks, TaskAssignmentRepository assignments, CurrentUsers currentUsers,
            DataScope dataScope, AccountService accounts, ApplicationEventPublisher events, BusinessTime time, Clock clock,
            @org.springframework.context.annotation.Lazy TaskService taskService) {
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.assignments = assignments;
        this.currentUsers = currentUsers;
        this.dataScope = dataScope;
        this.accounts = accounts;
        this.events = events;
        this.time = time;
        this.clock = clock;
    }

    // ---- the list (admins) ----

    public List<TaskTypeSummary> types() {
        return jdbc.query("select id, name, approving_document, active from task_type order by active desc, name",
                (rs, n) -> new TaskTypeSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }

    public List<TaskTypeSummary> activeTypes() {
        return types().stream().filter(TaskTypeSummary::active).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createType(String name, String approvingDocument) {
        requireAdmin();
        String n = required(name, "task.type.nameRequired", 100);
        String d = required(approvingDocument, "task.type.documentRequired", 300);
        Integer taken = jdbc.queryForObject("select count(*) from task_type where lower(name) = lower(?)", Integer.class, n);
        if (taken != null && taken > 0) {
            throw new BusinessRuleException("task.type.nameTaken", n);
        }
        Long id = jdbc.queryForObject("insert into task_type(name, approving_document) values (?, ?) returning id", Long.class,
                n, d);
        events.publishEvent(AuditEvent.of("TASK_TYPE_CREATED", "TASK_TYPE", id, n));
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void updateType(long id, String name, String approvingDocument, boolean active) {
        requireAdmin();
        String n = required(name, "task.type.nameRequired", 100);
        String d = required(approvingDocument, "task.type.documentRequired", 300);
        Integer taken = jdbc.queryForObject("select count(*) from task_type where lower(name) = lower(?) and id <> ?",
                Integer.class, n, id);
        if (taken != null && taken > 0) {
            throw new BusinessRuleException("task.type.nameTaken", n);
        }
        if (jdbc.update("update task_type set name = ?, approving_document = ?, active = ? where id = ?", n, d, active, id) == 0) {
            throw new NotFoundException("task type", id);
        }
        events.publishEvent(AuditEvent.of("TASK_TYPE_CHANGED", "TASK_TYPE", id, active ? "active" : "inactive"));
    }

    private void requireAdmin() {
        if (currentUsers.require().role() != Role.ADMIN) {
            throw new NotFoundException("task type", 0L);
        }
    }

    private static String required(String value, String key, int max) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleException(key);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new BusinessRuleException("task.type.tooLong", max);
        }
        return v;
    }

    // ---- giving work to grid staff ----

    /**
     * Classifies a new task; true when its assignees get it at once (a listed type, or a task from
     * a data loader), false when it is outside the list and its assignees wait for the approval.
     */
    boolean admit(CurrentUser creator, Task task, NewTask request, Map<Long, Long> gridByAssignee) {
        CommandLevel level = dataScope.levelOf(creator);
        String levelName = level == null ? null : level.name();
        if (!request.classified()) {
            task.classify(null, null, levelName);
            return true;
        }
        if (request.taskTypeId() != null) {
            boolean listed = activeTypes().stream().anyMatch(t -> t.id() == request.taskTypeId());
            if (!listed) {
                throw new BusinessRuleException("task.type.required");
            }
            task.classify(request.taskTypeId(), null, levelName);
            return true;
        }
        if (request.outsideReason() == null) {
            throw new BusinessRuleException("task.type.required");
        }
        task.classify(null, request.outsideReason(), levelName);
        tasks.save(task);
        gridByAssignee.forEach((user, grid) -> jdbc.update(
                "insert into task_pending_assignee(task_id, assignee_id, grid_id) values (?, ?, ?)", task.getId(), user, grid));
        Set<Long> approvers = approversOf(level, Set.copyOf(gridByAssignee.values()));
        for (Long approver : approvers) {
            events.publishEvent(new UserNotification(approver, "task.notify.approvalRequested",
                    new Object[] {task.getTitle(), creator.displayName()}, "/tasks/approvals"));
        }
        events.publishEvent(AuditEvent.of("TASK_OUTSIDE_LIST", "TASK", task.getId(), "awaiting approval"));
        return false;
    }

    /** Supervisors above the giver's level whose area holds every grid concerned; admins when there are none. */
    private Set<Long> approversOf(CommandLevel giverLevel, Set<Long> grids) {
        Set<Long> to = new LinkedHashSet<>();
        for (UserSummary u : accounts.usersWithRole(Role.SUPERVISOR)) {
            CurrentUser cu = new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId());
            if (u.enabled() && mayApprove(cu, giverLevel, grids)) {
                to.add(u.id());
            }
        }
        if (to.isEmpty()) {
            accounts.usersWithRole(Role.ADMIN).stream().filter(UserSummary::enabled).forEach(u -> to.add(u.id()));
        }
        return to;
    }

    /** The level above: an admin, or a supervisor of a higher level whose area holds every grid concerned. */
    boolean mayApprove(CurrentUser user, CommandLevel giverLevel, Set<Long> grids) {
        if (user.role() == Role.ADMIN) {
            return true;
        }
        if (user.role() != Role.SUPERVISOR) {
            return false;
        }
        CommandLevel level = dataScope.levelOf(user);
        if (level == null || giverLevel == null || !level.above(giverLevel)) {
            return false;
        }
        GridScope scope = dataScope.of(user);
        return !grids.isEmpty() && grids.stream().allMatch(scope::allowsGrid);
    }

    /** A task outside the list waiting for a decision, as the approvals page shows it. */
    public record PendingTask(long id, String title, String instructions, String giverName, String giverLevel,
            String reason, java.time.LocalDate dueDate, int assignees, Instant createdAt, boolean mayDecide) {
    }

    /** Tasks outside the list awaiting the current user's decision, and those they gave themselves. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    public List<PendingTask> pending() {
        CurrentUser user = currentUsers.require();
        if (user.role() != Role.ADMIN && user.role() != Role.SUPERVISOR) {
            throw new NotFoundException("task approvals", 0L);
        }
        List<PendingTask> out = new ArrayList<>();
        jdbc.query("""
                select t.id, t.title, t.instructions, u.display_name, t.creator_level, t.outside_reason, t.due_date,
                       t.created_at, t.created_by, array_agg(p.grid_id) grids
                from task t join app_user u on u.id = t.created_by join task_pending_assignee p on p.task_id = t.id
                where t.approval = 'PENDING' group by t.id, u.display_name order by t.id""", rs -> {
                    Set<Long> grids = Set.of((Long[]) rs.getArray("grids").getArray());
                    CommandLevel giver = rs.getString(5) == null ? null : CommandLevel.valueOf(rs.getString(5));
                    boolean decide = mayApprove(user, giver, grids);
                    boolean own = rs.getLong(9) == user.id();
                    if (decide || own) {
                        out.add(new PendingTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), grids.size() == 0 ? 0
                                        : countPending(rs.getLong(1)), rs.getTimestamp(8).toInstant(), decide));
                    }
                });
        return out;
    }

    private int countPending(long taskId) {
        Integer n = jdbc.queryForObject("select count(*) from task_pending_assignee where task_id = ?", Integer.class, taskId);
        return n == null ? 0 : n;
    }

    /** Whether the task is outside the list and still waiting for the level above. */
    public boolean awaitingApproval(long taskId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select approval = 'PENDING' from task where id = ?", Boolean.class,
                taskId));
    }

    /** The level above approves: the assignees get the task now. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void approve(long taskId, String note) {
        Task task = decidable(taskId);
        task.decide(true, currentUsers.require().id(), note, clock.instant());
        List<long[]> pendingRows = jdbc.query("select assignee_id, grid_id from task_pending_assignee where task_id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, taskId);
        for (long[] row : pendingRows) {
            assignments.save(new TaskAssignment(taskId, row[0], row[1]));
            events.publishEvent(new UserNotification(row[0], "task.notify.assigned",
                    new Object[] {task.getTitle(), task.getDueDate().toString()}, "/tasks/" + taskId));
        }
        events.publishEvent(new UserNotification(task.getCreatedBy(), "task.notify.approved", new Object[] {task.getTitle()},
                "/tasks/approvals"));
        events.publishEvent(AuditEvent.of("TASK_APPROVED", "TASK", taskId, pendingRows.size() + " assignees"));
    }

    /** The level above refuses: nobody gets the task; the giver hears why. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void refuse(long taskId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("task.admission.reasonRequired");
        }
        Task task = decidable(taskId);
        task.decide(false, currentUsers.require().id(), reason, clock.instant());
        events.publishEvent(new UserNotification(task.getCreatedBy(), "task.notify.refused",
                new Object[] {task.getTitle(), reason.strip()}, "/tasks/approvals"));
        events.publishEvent(AuditEvent.of("TASK_REFUSED", "TASK", taskId, reason.strip()));
    }

    /** A pending task the current user may decide on; 404 otherwise (ids do not leak). */
    private Task decidable(long taskId) {
        CurrentUser user = currentUsers.require();
        Task task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        Set<Long> grids = Set.copyOf(jdbc.queryForList("select grid_id from task_pending_assignee where task_id = ?",
                Long.class, taskId));
        CommandLevel giver = task.getCreatorLevel() == null ? null : CommandLevel.valueOf(task.getCreatorLevel());
        if (!"PENDING".equals(task.getApproval()) || !mayApprove(user, giver, grids)) {
            throw new NotFoundException("task", taskId);
        }
        return task;
    }

    // ---- the list behind the dashboard's "outside the list" figure ----

    /** A task outside the list with the number of grid staff it was meant for under the node. */
    public record OutsideRow(long taskId, String title, String giverName, String approval, Instant createdAt,
            int staff) {
    }

    /**
     * Tasks outside the list given in the month to grid staff of the node's grids (the user's area
     * when blank; 404 outside it), whatever became of them; their staff counts add up to the figure.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    public List<OutsideRow> outside(String nodeCode, YearMonth month) {
        CurrentUser user = currentUsers.require();
        if (user.role() != Role.ADMIN && user.role() != Role.SUPERVISOR) {
            throw new NotFoundException("task list", 0L);
        }
        GridScope scope = dataScope.of(user);
        if (nodeCode != null && !nodeCode.isBlank()) {
            scope = taskService.narrowedTo(scope, nodeCode.strip());
        }
        Instant from = month.atDay(1).atStartOfDay(time.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(time.zone()).toInstant();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        GridScope.Predicate inScope = scope.predicate("p.grid_id", null);
        String grids = " and " + inScope.sql();
        args.addAll(inScope.args());
        return jdbc.query("select t.id, t.title, u.display_name, t.approval, t.created_at, count(*)"
                + " from task t join task_pending_assignee p on p.task_id = t.id join app_user u on u.id = t.created_by"
                + " where t.outside_reason is not null and t.created_at >= ? and t.created_at < ?" + grids
                + " group by t.id, u.display_name order by t.id desc limit 500",
                (rs, n) -> new OutsideRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getInt(6)), args.toArray());
    }

    // ---- the burden report ----

    /** One line of the monthly report: tasks and assignments given to grid staff, by type or by giver. */
    public record BurdenRow(String label, boolean outsideList, long tasks, long assignments) {
    }

    public record Burden(YearMonth month, List<BurdenRow> byType, List<BurdenRow> byGiver, long tasks, long assignments,
            long outsideTasks) {
    }

    /**
     * Work given to grid staff in the month (business time), counted over the assignments in the
     * user's area: by 准入清单 type (outside the list and unclassified apart) and by who gave it.
     * Tasks refused or still waiting reached no staff and are not counted.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    public Burden burden(YearMonth month) {
        CurrentUser user = currentUsers.require();
        if (user.role() != Role.ADMIN && user.role() != Role.SUPERVISOR) {
            throw new NotFoundException("task burden", 0L);
        }
        GridScope scope = dataScope.of(user);
        Instant from = month.atDay(1).atStartOfDay(time.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(time.zone()).toInstant();
        GridScope.Predicate inScope = scope.predicate("a.grid_id", null);
        String scopeSql = " and " + inScope.sql();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        args.addAll(inScope.args());
        String base = " from task t join task_assignment a on a.task_id = t.id left join task_type y on y.id = t.task_type_id"
                + " join app_user u on u.id = t.created_by where t.created_at >= ? and t.created_at < ?" + scopeSql;
        List<BurdenRow> byType = jdbc.query("select y.name, t.outside_reason is not null, count(distinct t.id), count(*)" + base
                + " group by y.name, t.outside_reason is not null order by count(*) desc, y.name",
                (rs, n) -> new BurdenRow(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)), args.toArray());
        List<BurdenRow> byGiver = jdbc.query("select u.display_name, false, count(distinct t.id), count(*)" + base
                + " group by u.id, u.display_name order by count(*) desc, u.display_name",
                (rs, n) -> new BurdenRow(rs.getString(1), false, rs.getLong(3), rs.getLong(4)), args.toArray());
        long taskCount = jdbc.queryForObject("select count(distinct t.id)" + base, Long.class, args.toArray());
        long assignmentCount = byType.stream().mapToLong(BurdenRow::assignments).sum();
        long outside = byType.stream().filter(BurdenRow::outsideList).mapToLong(BurdenRow::tasks).sum();
        return new Burden(month, byType, byGiver, taskCount, assignmentCount, outside);
    }
}
