package org.gridwork.task;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.notify.UserNotification;
import org.gridwork.shared.photo.PhotoStore;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionSummary;
import org.gridwork.territory.Regions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks (任务): supervisors give them to the grid staff of their scope and follow the completion
 * matrix; staff see and update only their own assignments. Anything outside the caller's scope
 * answers {@link NotFoundException}.
 */
@Service
@Transactional(readOnly = true)
public class TaskService {

    private final TaskRepository tasks;
    private final TaskAssignmentRepository assignments;
    private final TaskQueries queries;
    private final StaffDirectory staffDirectory;
    private final TaskCalendar calendar;
    private final DataScope dataScope;
    private final CurrentUsers currentUsers;
    private final Regions regions;
    private final Grids territoryGrids;
    private final AccountService accounts;
    private final PhotoStore photos;
    private final ApplicationEventPublisher events;
    private final TaskAdmission admission;

    TaskService(TaskRepository tasks, TaskAssignmentRepository assignments, TaskQueries queries,
            StaffDirectory staffDirectory, TaskCalendar calendar, DataScope dataScope, CurrentUsers currentUsers,
            Regions regions, Grids territoryGrids, AccountService accounts, PhotoStore photos,
            ApplicationEventPublisher events,
            TaskAdmission admission) {
        this.admission = admission;
        this.tasks = tasks;
        this.assignments = assignments;
        this.queries = queries;
        this.staffDirectory = staffDirectory;
        this.calendar = calendar;
        this.dataScope = dataScope;
        this.currentUsers = currentUsers;
        this.regions = regions;
        this.territoryGrids = territoryGrids;
        this.accounts = accounts;
        this.photos = photos;
        this.events = events;
    }

    /** Today in the grid centre's time zone (overdue = not done and due before today). */
    public LocalDate today() {
        return calendar.today();
    }

    // ---- supervisors ----------------------------------------------------------------------

    /** Creates a task for the chosen assignees, all of whom must be grid staff within the scope. */
    @PreAuthorize(Authorities.MANAGER)
    @Transactional
    public long create(NewTask request) {
        return create(requireManager(), request);
    }

    @Transactional
    long create(CurrentUser creator, NewTask request) {
        GridScope scope = dataScope.of(creator);
        Map<Long, Long> gridByAssignee = resolveAssignees(scope, request);
        if (gridByAssignee.isEmpty()) {
            throw new BusinessRuleException("task.assignees.none");
        }
        Task task = tasks.save(new Task(request.title().strip(), request.instructions().strip(), request.dueDate(),
                creator.id()));
        // 准入清单 (issue 21): work outside the list reaches no staff before the level above approves it
        if (!admission.admit(creator, task, request, gridByAssignee)) {
            return task.getId();
        }
        gridByAssignee.forEach((user, grid) -> assignments.save(new TaskAssignment(task.getId(), user, grid)));
        events.publishEvent(AuditEvent.of("TASK_CREATED", "TASK", task.getId(),
                gridByAssignee.size() + " assignees, due " + task.getDueDate()));
        gridByAssignee.keySet().forEach(user -> events.publishEvent(new UserNotification(user, "task.notify.assigned",
                new Object[] {task.getTitle(), task.getDueDate().toString()}, "/tasks/" + task.getId())));
        return task.getId();
    }

    /** Assignee -> the grid the task is given for, in grid code order; only enabled grid staff. */
    private Map<Long, Long> resolveAssignees(GridScope scope, NewTask request) {
        List<StaffDirectory.GridStaff> candidates = switch (request.mode()) {
            case PEOPLE -> {
                List<StaffDirectory.GridStaff> inScope = staffInScope(scope);
                for (Long user : request.userIds()) {
                    if (inScope.stream().noneMatch(s -> s.userId() == user)) {
                        throw new NotFoundException("grid staff", user);
                    }
                }
                yield inScope.stream().filter(s -> request.userIds().contains(s.userId())).toList();
            }
            case GRIDS -> {
                for (Long grid : request.gridIds()) {
                    if (!scope.allowsGrid(grid)) {
                        throw new NotFoundException("grid", grid);
                    }
                }
                yield staffDirectory.staffOfGrids(request.gridIds());
            }
            case REGION -> {
                RegionSummary region = Optional.ofNullable(request.regionCode()).filter(c -> !c.isBlank())
                        .flatMap(regions::findRegionByCode)
                        .filter(r -> scope.allowsRegionPath(r.path()))
                        .orElseThrow(() -> new NotFoundException("region", request.regionCode()));
                yield staffInScope(scope).stream()
                        .filter(s -> s.regionPath().startsWith(region.path())).toList();
            }
        };
        Set<Long> eligible = accounts.findUsers(candidates.stream().map(StaffDirectory.GridStaff::userId).toList())
                .stream().filter(u -> u.enabled() && u.role() == Role.GRID_STAFF).map(UserSummary::id)
                .collect(Collectors.toSet());
        Map<Long, Long> result = new LinkedHashMap<>();
        candidates.stream().filter(s -> eligible.contains(s.userId()))
                .forEach(s -> result.putIfAbsent(s.userId(), s.gridId()));
        return result;
    }

    private List<StaffDirectory.GridStaff> staffInScope(GridScope scope) {
        return scope.unrestricted() ? staffDirectory.allStaff() : staffDirectory.staffOfGrids(scope.gridIds());
    }

    /** The staff, grids and region nodes the current supervisor may assign. */
    public AssigneeOptions assigneeOptions() {
        requireManager();
        List<AssigneeOptions.Staff> people = staffOptionsInScope();
        List<org.gridwork.territory.GridSummary> inScope = territoryGrids.gridsInScope();
        boolean searchGrids = inScope.size() > AssigneeOptions.CHECKBOX_LIMIT;
        boolean searchStaff = people.size() > AssigneeOptions.CHECKBOX_LIMIT;
        List<AssigneeOptions.GridOption> grids = searchGrids ? List.of() : inScope.stream()
                .map(g -> new AssigneeOptions.GridOption(g.id(), g.code(), territoryGrids.placeName(g))).toList();
        // regions are picked by search as you type (the area picker): after a national import the
        // list of every county, town and village was 664,904 options, a 57 MB page; grids and
        // staff beyond a town's worth likewise (an admin's form listed every grid of the system)
        return new AssigneeOptions(searchStaff ? List.of() : people, grids, List.of(), searchStaff, searchGrids);
    }

    /** One choice of the staff picker: the username to submit and what the user reads. */
    public record StaffChoice(String value, String label) {
    }

    /**
     * The staff picker's choices as the supervisor types: grid staff in scope whose name (or its
     * pinyin initials), username or grid code matches, at most {@code limit}.
     */
    public List<StaffChoice> searchStaff(String query, int limit) {
        requireManager();
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        List<AssigneeOptions.Staff> all = staffOptionsInScope();
        Map<Long, UserSummary> users = accounts.findUsers(all.stream().map(AssigneeOptions.Staff::userId).toList())
                .stream().collect(Collectors.toMap(UserSummary::id, Function.identity()));
        return all.stream().filter(s -> users.containsKey(s.userId()))
                .filter(s -> org.gridwork.shared.text.PinyinMatch.matches(s.displayName(), q)
                        || users.get(s.userId()).username().startsWith(q) || s.gridCodes().contains(q))
                .limit(limit)
                .map(s -> new StaffChoice(users.get(s.userId()).username(),
                        s.displayName() + " (" + users.get(s.userId()).username() + ") " + s.gridCodes()))
                .toList();
    }

    /** Enabled grid staff of the user's grids with their grid codes, without the checkbox limit (the pickers search it). */
    private List<AssigneeOptions.Staff> staffOptionsInScope() {
        List<StaffDirectory.GridStaff> staff = staffInScope(dataScope.current());
        Map<Long, UserSummary> users = accounts.findUsers(staff.stream().map(StaffDirectory.GridStaff::userId)
                .distinct().toList()).stream().filter(u -> u.enabled() && u.role() == Role.GRID_STAFF)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
        Map<Long, List<String>> codesByUser = new LinkedHashMap<>();
        staff.stream().filter(s -> users.containsKey(s.userId()))
                .forEach(s -> codesByUser.computeIfAbsent(s.userId(), k -> new java.util.ArrayList<>()).add(s.gridCode()));
        return codesByUser.entrySet().stream()
                .map(e -> new AssigneeOptions.Staff(e.getKey(), users.get(e.getKey()).displayName(),
                        String.join(", ", e.getValue())))
                .sorted(java.util.Comparator.comparing(AssigneeOptions.Staff::gridCodes))
                .toList();
    }

    /**
     * Grid codes and usernames typed or picked in the search pickers, as ids; an unknown one is
     * named in the message (one outside the scope is then refused by {@link #create} as ever).
     */
    public List<Long> gridIdsOfCodes(String codes) {
        List<Long> ids = new java.util.ArrayList<>();
        for (String code : splitList(codes)) {
            ids.add(territoryGrids.findGridByCode(code).map(org.gridwork.territory.GridSummary::id)
                    .orElseThrow(() -> new BusinessRuleException("task.error.unknownGrid", code)));
        }
        return ids;
    }

    public List<Long> userIdsOfUsernames(String usernames) {
        List<Long> ids = new java.util.ArrayList<>();
        for (String name : splitList(usernames)) {
            ids.add(accounts.findByUsername(name).filter(u -> u.role() == Role.GRID_STAFF).map(UserSummary::id)
                    .orElseThrow(() -> new BusinessRuleException("task.error.unknownStaff", name)));
        }
        return ids;
    }

    private static List<String> splitList(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(s.split("[,，;；\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).distinct()
                .limit(5_000).toList();
    }

    /** Tasks with assignees in the current supervisor's scope. */
    public Page<TaskListItem> managedTasks(String search, String state, String sort, Pageable pageable) {
        return managedTasks(search, state, sort, null, pageable);
    }

    /**
     * Tasks with assignees in the current supervisor's scope and, when a node (region or grid
     * code) is given, on the grids under it: the list behind the dashboard's task figures.
     */
    public TaskListPage managedTasks(String search, String state, String sort, String nodeCode,
            Pageable pageable) {
        requireManager();
        GridScope scope = dataScope.current();
        if (nodeCode != null && !nodeCode.isBlank()) {
            scope = narrowedTo(scope, nodeCode.strip());
        }
        return queries.managed(scope, search, TaskQueries.State.parse(state, TaskQueries.State.OPEN), sort, pageable);
    }

    /** What a person calls the node of the list's filter: a grid with its village, a region by name. */
    public String nodeName(String nodeCode) {
        String code = nodeCode.strip();
        return territoryGrids.findGridByCode(code).map(g -> territoryGrids.placeName(g))
                .or(() -> regions.findRegionByCode(code).map(RegionSummary::name)).orElse(code);
    }

    /** The scope cut down to the grids under a region node or to one grid; 404 outside the scope. */
    GridScope narrowedTo(GridScope scope, String nodeCode) {
        Optional<GridSummary> grid = territoryGrids.findGridByCode(nodeCode);
        if (grid.isPresent()) {
            if (!scope.allowsGrid(grid.get().id())) {
                throw new NotFoundException("grid", nodeCode);
            }
            return new GridScope(false, Set.of(grid.get().id()), List.of());
        }
        RegionSummary region = regions.findRegionByCode(nodeCode).filter(r -> scope.allowsRegionPath(r.path()))
                .orElseThrow(() -> new NotFoundException("region", nodeCode));
        Set<Long> grids = territoryGrids.gridsInScope().stream().filter(g -> g.regionPath().startsWith(region.path()))
                .map(GridSummary::id).collect(Collectors.toSet());
        return new GridScope(false, grids, List.of(region.path()));
    }

    /** The completion matrix over the assignees in scope; 404 when none is. */
    public TaskMatrix matrix(long taskId) {
        requireManager();
        Task task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        GridScope scope = dataScope.current();
        List<TaskAssignment> visible = assignments.findByTaskIdOrderById(taskId).stream()
                .filter(a -> scope.allowsGrid(a.getGridId())).toList();
        if (visible.isEmpty()) {
            throw new NotFoundException("task", taskId);
        }
        Map<Long, GridSummary> grids = territoryGrids.gridsInScope().stream()
                .collect(Collectors.toMap(GridSummary::id, Function.identity()));
        Map<Long, String> names = userNames(visible.stream().map(TaskAssignment::getAssigneeId).toList());
        List<AssignmentRow> rows = visible.stream().map(a -> {
            GridSummary grid = grids.get(a.getGridId());
            return new AssignmentRow(a.getId(), a.getAssigneeId(), names.getOrDefault(a.getAssigneeId(), "?"),
                    grid == null ? "" : grid.code(), grid == null ? "" : grid.name(), a.getStatus(), a.getNote(),
                    a.getPhotoId() != null, a.getUpdatedAt(), a.getRemindedAt(),
                    calendar.isOverdue(task.getDueDate(), a.getStatus()));
        }).sorted(java.util.Comparator.comparing(AssignmentRow::gridCode).thenComparing(AssignmentRow::assigneeName))
                .toList();
        String creator = userNames(List.of(task.getCreatedBy())).getOrDefault(task.getCreatedBy(), "?");
        return new TaskMatrix(task.getId(), task.getTitle(), task.getInstructions(), task.getDueDate(),
                task.getOriginalDueDate(), creator, task.getCreatedAt(), rows);
    }

    /** Tells every assignee in scope who is not done; returns how many were reminded. */
    @PreAuthorize(Authorities.MANAGER)
    @Transactional
    public int remind(long taskId) {
        TaskMatrix matrix = matrix(taskId);
        int reminded = 0;
        for (AssignmentRow row : matrix.rows()) {
            if (row.status() != TaskStatus.DONE) {
                assignments.findById(row.id()).ifPresent(TaskAssignment::reminded);
                events.publishEvent(new UserNotification(row.assigneeId(), "task.notify.reminder",
                        new Object[] {matrix.title(), matrix.dueDate().toString()}, "/tasks/" + taskId));
                reminded++;
            }
        }
        return reminded;
    }

    /** Moves the due date later (the original is kept) and tells those not done yet. */
    @PreAuthorize(Authorities.MANAGER)
    @Transactional
    public void extend(long taskId, LocalDate newDueDate) {
        TaskMatrix matrix = matrix(taskId);
        Task task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        LocalDate before = task.getDueDate();
        task.extendTo(newDueDate);
        events.publishEvent(AuditEvent.of("TASK_EXTENDED", "TASK", taskId, "from " + before + " to " + newDueDate));
        matrix.rows().stream().filter(r -> r.status() != TaskStatus.DONE).forEach(r -> events.publishEvent(
                new UserNotification(r.assigneeId(), "task.notify.extended",
                        new Object[] {task.getTitle(), newDueDate.toString()}, "/tasks/" + taskId)));
    }

    // ---- grid staff -----------------------------------------------------------------------

    /** The current user's own assignments. */
    public Page<MyAssignment> myAssignments(String state, Pageable pageable) {
        return queries.mine(currentUsers.require().id(), TaskQueries.State.parse(state, TaskQueries.State.OPEN),
                pageable);
    }

    /** The current user's assignment on this task; 404 when the task is not assigned to them. */
    public MyAssignment myAssignment(long taskId) {
        return queries.mine(currentUsers.require().id(), taskId)
                .orElseThrow(() -> new NotFoundException("task", taskId));
    }

    /** The current user records their progress, with an optional photo (JPEG or PNG). */
    @PreAuthorize(Authorities.STAFF)
    @Transactional
    public void recordProgress(long taskId, TaskStatus status, String note, byte[] photo) {
        recordProgress(currentUsers.require(), taskId, status, note, photo);
    }

    @Transactional
    void recordProgress(CurrentUser user, long taskId, TaskStatus status, String note, byte[] photo) {
        TaskAssignment assignment = assignments.findByTaskIdAndAssigneeId(taskId, user.id())
                .orElseThrow(() -> new NotFoundException("task", taskId));
        UUID photoId = photo == null || photo.length == 0 ? null : photos.store(photo, user.id());
        assignment.recordProgress(status, note, photoId);
        events.publishEvent(AuditEvent.of("TASK_PROGRESS", "TASK", taskId, "assignment " + assignment.getId()
                + " " + status));
    }

    /** The open assignments of a user, for the "today" screen. */
    List<MyAssignment> openAssignmentsOf(long userId) {
        return queries.mine(userId, TaskQueries.State.OPEN, Pageable.ofSize(50)).getContent();
    }

    /** An assignment's photo for its assignee or a supervisor whose scope holds its grid; else 404. */
    public byte[] photo(long taskId, long assignmentId, boolean thumbnail) {
        CurrentUser user = currentUsers.require();
        TaskAssignment a = assignments.findById(assignmentId).filter(x -> x.getTaskId() == taskId)
                .orElseThrow(() -> new NotFoundException("task assignment", assignmentId));
        boolean allowed = user.is(Role.GRID_STAFF) ? a.getAssigneeId() == user.id()
                : isManager(user) && dataScope.of(user).allowsGrid(a.getGridId());
        if (!allowed || a.getPhotoId() == null) {
            throw new NotFoundException("task assignment", assignmentId);
        }
        return photos.load(a.getPhotoId(), thumbnail).orElseThrow(() -> new NotFoundException("photo", assignmentId));
    }

    // ---- other modules --------------------------------------------------------------------

    /** Open and overdue assignments per grid (the dashboard's task figures); no scope check. */
    public List<GridTaskCounts> countsByGrid(Collection<Long> gridIds) {
        return queries.countsByGrid(gridIds);
    }

    private Map<Long, String> userNames(Collection<Long> ids) {
        return accounts.findUsers(ids).stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
    }

    private CurrentUser requireManager() {
        CurrentUser user = currentUsers.require();
        if (!isManager(user)) {
            throw new AccessDeniedException("tasks are managed by supervisors");
        }
        return user;
    }

    private static boolean isManager(CurrentUser user) {
        return user.is(Role.SUPERVISOR) || user.is(Role.ADMIN);
    }
}
