package org.gridwork.issue;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.gridwork.account.DepartmentSummary;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.resident.ResidentService;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.photo.PhotoStore;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridLocator;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.visit.VisitService;
import org.gridwork.shared.text.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue reports and their closed loop: reporting and every change of the workflow. Every method
 * checks the data scope (out of scope answers 404) and every change takes the version the user
 * saw, so that an update made meanwhile by someone else is a conflict, never silently overwritten.
 * Who sees an issue, and as whom, is decided here for the module's other services too; the reads
 * are {@link IssueQueries}'.
 */
@Service
@Transactional(readOnly = true)
public class IssueService {

    private final IssueRepository issues;
    private final IssueEventRepository timeline;
    private final CategoryService categories;
    private final DeadlineCalculator deadlines;
    private final IssueNotifier notifier;
    private final CurrentUsers currentUsers;
    private final DataScope dataScope;
    private final GridLocator locator;
    private final Grids grids;
    private final AccountService accounts;
    private final PhotoStore photos;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ResidentService residentsService;
    private final VisitService visits;

    IssueService(IssueRepository issues, IssueEventRepository timeline, CategoryService categories,
            DeadlineCalculator deadlines, IssueNotifier notifier, CurrentUsers currentUsers, DataScope dataScope,
            GridLocator locator, Grids grids, AccountService accounts, PhotoStore photos,
            JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, ResidentService residentsService,
            VisitService visits) {
        this.residentsService = residentsService;
        this.visits = visits;
        this.issues = issues;
        this.timeline = timeline;
        this.categories = categories;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.currentUsers = currentUsers;
        this.dataScope = dataScope;
        this.locator = locator;
        this.grids = grids;
        this.accounts = accounts;
        this.photos = photos;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    // ---- reporting ----

    /** A report by grid staff or a supervisor. Returns the new issue's id. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public long report(ReportCommand c) {
        CurrentUser user = currentUsers.require();
        if (user.role() == Role.HANDLER) {
            throw new BusinessRuleException("issue.error.notAllowed", "REPORT");
        }
        CategorySummary category = subclass(c.categoryId());
        if (c.description() == null || c.description().isBlank()) {
            throw new BusinessRuleException("issue.error.descriptionRequired");
        }
        // the columns' limits, for callers without the report form's checks (a campaign's 上报事件)
        TextLimits.require(c.description().strip(), 4000);
        TextLimits.require(c.address(), 300);
        TextLimits.require(c.peopleInvolved(), 1000);
        GridSummary grid = gridFor(c.longitude(), c.latitude(), c.gridId());
        // A place in someone else's grid is theirs to report: the reporter could not follow the issue
        // there (and used to keep access to it through "what they reported"), so it is refused.
        if (!dataScope.current().allowsGrid(grid.id())) {
            throw new ReportRefused("longitude", "issue.error.locationOutsideScope");
        }
        List<Long> residentIds = c.residentIds() == null ? List.of() : c.residentIds().stream().distinct().toList();
        Set<Long> reachable = residentsService.summaries(residentIds).keySet();
        List<Long> refused = residentIds.stream().filter(r -> !reachable.contains(r)).toList();
        if (!refused.isEmpty()) {
            throw new ReportRefused("residentIds", "issue.error.residentsOutsideScope",
                    refused.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (c.visitId() != null) {
            try {
                visits.visit(c.visitId()); // 404 when unknown or outside the reporter's grids
            } catch (NotFoundException e) {
                throw new ReportRefused("visitId", "issue.error.visitOutsideScope");
            }
        }
        IssueSource source = c.visitId() != null ? IssueSource.VISIT
                : user.role() == Role.GRID_STAFF ? IssueSource.STAFF : IssueSource.SUPERVISOR;
        Long duplicateOf = c.duplicateOfId() != null && visible(c.duplicateOfId()) ? c.duplicateOfId() : null;
        Issue issue = new Issue(new Issue.Report(category.id(), c.urgency() == null ? Urgency.NORMAL : c.urgency(), source,
                c.description().strip(), blankToNull(c.address()), blankToNull(c.peopleInvolved()), c.longitude(),
                c.latitude(), grid.id(), grid.regionPath(), null, null, c.visitId(), duplicateOf), actor(user, grid.id()),
                clock.instant());
        long id = save(issue);
        int position = 0;
        for (byte[] photo : c.photos() == null ? List.<byte[]>of() : c.photos()) {
            UUID photoId = photos.store(photo, user.id());
            jdbc.update("insert into issue_photo(issue_id, photo_id, kind, position) values (?, ?, 'BEFORE', ?)", id,
                    photoId, position++);
        }
        for (Long resident : residentIds) {
            jdbc.update("insert into issue_resident(issue_id, resident_id) values (?, ?) on conflict do nothing", id, resident);
        }
        events.publishEvent(AuditEvent.of("ISSUE_REPORTED", "ISSUE", id, category.code() + " grid " + grid.code()));
        return id;
    }

    /** A report from the public through Open311: no user, the channel's key recorded. */
    @PreAuthorize(Authorities.SYSTEM)
    @Transactional
    public long reportFromOpen311(long categoryId, String description, double longitude, double latitude, String address,
            String reporterContact, long keyId, String channel) {
        CategorySummary category = subclass(categoryId);
        GridSummary grid = locator.locate(longitude, latitude)
                .orElseThrow(() -> new BusinessRuleException("issue.error.outsideGrids"));
        Actor channelActor = new Actor(null, "Open311: " + channel, null, null, false);
        Issue issue = new Issue(new Issue.Report(category.id(), Urgency.NORMAL, IssueSource.OPEN311, description.strip(),
                blankToNull(address), null, longitude, latitude, grid.id(), grid.regionPath(), reporterContact, keyId,
                null, null), channelActor, clock.instant());
        long id = save(issue);
        events.publishEvent(AuditEvent.of("ISSUE_REPORTED", "ISSUE", id, "open311 " + channel + " " + category.code()));
        return id;
    }

    private GridSummary gridFor(Double lon, Double lat, Long chosenGridId) {
        if (lon != null && lat != null) {
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new BusinessRuleException("issue.error.location");
            }
            Optional<GridSummary> located = locator.locate(lon, lat);
            if (located.isPresent()) {
                return located.get();
            }
        }
        if (chosenGridId == null) {
            throw new BusinessRuleException("issue.error.gridRequired");
        }
        try {
            return grids.grid(chosenGridId); // 404 outside the reporter's grids
        } catch (NotFoundException e) {
            throw new ReportRefused("gridId", "issue.error.gridOutsideScope");
        }
    }

    private CategorySummary subclass(Long categoryId) {
        if (categoryId == null) {
            throw new BusinessRuleException("issue.error.categoryRequired");
        }
        CategorySummary c = categories.get(categoryId);
        if (!c.subclass() || !c.active()) {
            throw new BusinessRuleException("issue.error.categoryRequired");
        }
        return c;
    }

    // ---- the transitions ----

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void file(long id, long version, String comment) {
        Issue issue = act(id, version, "ISSUE_FILED", (i, a) -> i.file(a, comment, now()));
        notifier.reporter(issue, currentUsers.require().id(), "notification.issue.reporter.filed");
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void reject(long id, long version, String reason) {
        Issue issue = act(id, version, "ISSUE_REJECTED", (i, a) -> i.reject(a, reason, now()));
        notifier.reporter(issue, currentUsers.require().id(), "notification.issue.reporter.rejected", reason.strip());
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void dispatchToStaff(long id, long version, long staffUserId, String comment) {
        UserSummary staff = accounts.findUser(staffUserId).filter(u -> u.role() == Role.GRID_STAFF && u.enabled())
                .orElseThrow(() -> new BusinessRuleException("issue.error.assigneeRequired"));
        Issue issue = act(id, version, "ISSUE_DISPATCHED", (i, a) -> i.dispatchToStaff(a, staff.id(), staff.displayName(),
                deadlines.from(now(), categories.get(i.getCategoryId())), comment, now()));
        notifier.assignees(staff.id(), null, id, "notification.issue.dispatched");
        notifier.reporter(issue, currentUsers.require().id(), "notification.issue.reporter.dispatched");
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void dispatchToDepartment(long id, long version, long departmentId, String comment) {
        DepartmentSummary dept = accounts.departments().stream().filter(d -> d.id() == departmentId && d.active()
                        && !d.county())
                .findFirst().orElseThrow(() -> new BusinessRuleException("issue.error.assigneeRequired"));
        Issue issue = act(id, version, "ISSUE_DISPATCHED", (i, a) -> i.dispatchToDepartment(a, dept.id(), dept.name(),
                deadlines.from(now(), categories.get(i.getCategoryId())), comment, now()));
        notifier.assignees(null, dept.id(), id, "notification.issue.dispatched");
        notifier.reporter(issue, currentUsers.require().id(), "notification.issue.reporter.dispatched");
    }

    @PreAuthorize(Authorities.ASSIGNEE)
    @Transactional
    public void accept(long id, long version) {
        act(id, version, "ISSUE_ACCEPTED", (i, a) -> i.accept(a, now()));
    }

    @PreAuthorize(Authorities.ASSIGNEE)
    @Transactional
    public void returnToSupervisor(long id, long version, String reason) {
        Issue issue = act(id, version, "ISSUE_RETURNED", (i, a) -> i.returnToSupervisor(a, reason, now()));
        notifier.desk(issue.getGridId(), atCounty(issue), id, "notification.issue.returned");
    }

    @PreAuthorize(Authorities.ASSIGNEE)
    @Transactional
    public void reportHandled(long id, long version, String whatWasDone, List<byte[]> afterPhotos) {
        CurrentUser user = currentUsers.require();
        Issue issue = act(id, version, "ISSUE_HANDLED", (i, a) -> i.reportHandled(a, whatWasDone,
                categories.get(i.getCategoryId()).verifyLimitHours(), now()));
        Integer next = jdbc.queryForObject("select coalesce(max(position) + 1, 0) from issue_photo where issue_id = ?",
                Integer.class, id);
        int position = next == null ? 0 : next;
        for (byte[] photo : afterPhotos == null ? List.<byte[]>of() : afterPhotos) {
            UUID photoId = photos.store(photo, user.id());
            jdbc.update("insert into issue_photo(issue_id, photo_id, kind, position) values (?, ?, 'AFTER', ?)", id,
                    photoId, position++);
        }
        notifier.desk(issue.getGridId(), false, id, "notification.issue.handled"); // the town verifies, whoever handled it
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void verifyAndClose(long id, long version, String comment) {
        Issue issue = act(id, version, "ISSUE_CLOSED", (i, a) -> i.verifyAndClose(a, comment, now()));
        notifier.reporter(issue, currentUsers.require().id(), "notification.issue.reporter.closed");
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void sendBackForRework(long id, long version, String reason) {
        Issue issue = act(id, version, "ISSUE_REWORK", (i, a) -> i.sendBackForRework(a, reason, freshDeadlines(i), now()));
        notifier.assignees(issue.getAssigneeUserId(), issue.getAssigneeDepartmentId(), id, "notification.issue.rework");
        notifier.reporter(issue, currentUsers.require().id(), "notification.issue.reporter.rework", reason.strip());
    }

    /** The resident rated the outcome 不满意 within 7 days: back to the same assignee with a fresh deadline. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void reopenForRework(long id, long version, String reason) {
        Issue issue = act(id, version, "ISSUE_REOPENED", (i, a) -> i.reopenForRework(a, reason, freshDeadlines(i), now()));
        notifier.assignees(issue.getAssigneeUserId(), issue.getAssigneeDepartmentId(), id, "notification.issue.rework");
    }

    @PreAuthorize(Authorities.ASSIGNEE)
    @Transactional
    public void requestExtension(long id, long version, Instant until, String reason) {
        Issue issue = act(id, version, "ISSUE_EXTENSION_REQUESTED", (i, a) -> i.requestExtension(a, until, reason, now()));
        notifier.desk(issue.getGridId(), atCounty(issue), id, "notification.issue.extensionRequested");
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void approveExtension(long id, long version, String comment) {
        Issue issue = act(id, version, "ISSUE_EXTENSION_APPROVED", (i, a) -> i.approveExtension(a,
                deadlines.extended(i.getDispatchedAt(), i.getExtensionRequestedUntil(),
                        categories.get(i.getCategoryId()).emergency()), comment, now()));
        notifier.assignees(issue.getAssigneeUserId(), issue.getAssigneeDepartmentId(), id,
                "notification.issue.extensionApproved");
    }

    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void refuseExtension(long id, long version, String reason) {
        Issue issue = act(id, version, "ISSUE_EXTENSION_REFUSED", (i, a) -> i.refuseExtension(a, reason, now()));
        notifier.assignees(issue.getAssigneeUserId(), issue.getAssigneeDepartmentId(), id,
                "notification.issue.extensionRefused");
    }

    /** Runs a transition on an issue the user may see, at the version they saw; audited either way. */
    Issue act(long id, long version, String auditAction, Transition t) {
        CurrentUser user = currentUsers.require();
        Issue issue = load(id, user);
        if (issue.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Issue.class, id);
        }
        IssueStatus from = issue.getStatus();
        try {
            t.apply(issue, actor(user, issue));
        } catch (BusinessRuleException e) {
            events.publishEvent(new AuditEvent(auditAction, "ISSUE", String.valueOf(id), false, e.messageKey()));
            throw e;
        }
        issues.saveAndFlush(issue); // the version check happens here, not at commit
        savePending(issue);
        events.publishEvent(AuditEvent.of(auditAction, "ISSUE", id, from + " -> " + issue.getStatus()));
        return issue;
    }

    @FunctionalInterface
    interface Transition {
        void apply(Issue issue, Actor actor);
    }

    private static boolean atCounty(Issue issue) {
        return issue.getLevel() == org.gridwork.account.CommandLevel.COUNTY;
    }

    /** A fresh handling deadline: the county's own limit once it dispatched the issue, else the category's. */
    private Deadlines freshDeadlines(Issue i) {
        if (i.getLevel() == org.gridwork.account.CommandLevel.COUNTY && i.getCountyLimitDays() != null) {
            return deadlines.workingDays(now(), i.getCountyLimitDays());
        }
        return deadlines.from(now(), categories.get(i.getCategoryId()));
    }

    /**
     * Whether the current user handles the issue: a supervisor or admin with it in scope, or its
     * assignee (404 when it is out of their scope altogether).
     */
    boolean handledByCurrentUser(long id) {
        CurrentUser user = currentUsers.require();
        Issue issue = load(id, user);
        Actor a = actor(user, issue);
        return user.role() == Role.ADMIN || (user.role() == Role.SUPERVISOR && a.gridInScope()) || issue.isAssignee(a);
    }

    /** Saves a new issue with its first timeline line (the public reporting page's way in). */
    long saveNew(Issue issue) {
        return save(issue);
    }

    /** Saves a change made outside a user's action (a resident's rating) with its timeline lines. */
    void saveChange(Issue issue) {
        issues.saveAndFlush(issue);
        savePending(issue);
    }

    long save(Issue issue) {
        issues.saveAndFlush(issue);
        savePending(issue);
        return issue.getId();
    }

    /** A timeline line that is not a transition of the aggregate (a whistle, a co-handler's note). */
    void saveEvent(long issueId, IssueEvent event) {
        timeline.save(event);
    }

    private void savePending(Issue issue) {
        for (Issue.PendingEvent e : issue.drainPending()) {
            timeline.save(new IssueEvent(issue.getId(), e.at(), e.actor(), e.action(), e.from(), e.to(), e.comment()));
        }
    }

    // ---- who sees an issue, and as whom ----

    Issue load(long id, CurrentUser user) {
        Issue issue = issues.findById(id).orElseThrow(() -> new NotFoundException("issue", id));
        if (!visibleTo(issue, user) && !calledIn(issue.getId(), user)) {
            throw new NotFoundException("issue", id);
        }
        return issue;
    }

    /**
     * A county department sees, besides what was dispatched to it, the issues it helps with as a
     * co-handler (协办) and those it was called to by a whistle (吹哨).
     */
    private boolean calledIn(long issueId, CurrentUser user) {
        if (user.role() != Role.HANDLER || user.departmentId() == null) {
            return false;
        }
        Boolean called = jdbc.queryForObject("""
                select exists (select 1 from issue_co_department where issue_id = ? and department_id = ?)
                    or exists (select 1 from whistle_call w join whistle_response r on r.call_id = w.id
                               where w.issue_id = ? and r.department_id = ?)""", Boolean.class,
                issueId, user.departmentId(), issueId, user.departmentId());
        return Boolean.TRUE.equals(called);
    }

    private boolean visible(long id) {
        CurrentUser user = currentUsers.require();
        return issues.findById(id).map(i -> visibleTo(i, user)).orElse(false);
    }

    private boolean visibleTo(Issue i, CurrentUser user) {
        GridScope scope = dataScope.of(user);
        if (i.isUnplaced()) {
            return user.role() != Role.HANDLER && unplacedInScope(scope, i.getRegionPath());
        }
        return visibleTo(user, scope, i.getGridId(), i.getAssigneeUserId(), i.getReporterId(),
                i.getAssigneeDepartmentId());
    }

    /**
     * Handlers see what was dispatched to their department; everyone else what lies in their grids,
     * what is assigned to them and what they reported.
     */
    static boolean visibleTo(CurrentUser user, GridScope scope, long gridId, Long assignee, Long reporter, Long department) {
        if (user.role() == Role.HANDLER) {
            return department != null && department.equals(user.departmentId());
        }
        return scope.allowsGrid(gridId) || Long.valueOf(user.id()).equals(assignee) || Long.valueOf(user.id()).equals(reporter);
    }

    Actor actor(CurrentUser user, long gridId) {
        return new Actor(user.id(), user.displayName(), user.role(), user.departmentId(), dataScope.of(user).allowsGrid(gridId),
                dataScope.levelOf(user));
    }

    /** The actor on this issue: an unplaced one is in the scope of those whose area holds its holding area. */
    Actor actor(CurrentUser user, Issue issue) {
        if (issue.isUnplaced()) {
            return new Actor(user.id(), user.displayName(), user.role(), user.departmentId(),
                    unplacedInScope(dataScope.of(user), issue.getRegionPath()));
        }
        return actor(user, issue.getGridId());
    }

    /**
     * An issue without a grid (IssuePlacement) is reached by admins and by supervisors whose subtree
     * holds its holding area; grid staff, whose scope is a list of grids, never.
     */
    static boolean unplacedInScope(GridScope scope, String regionPath) {
        return scope.unrestricted() || (regionPath != null && !scope.regionPaths().isEmpty()
                && scope.allowsRegionPath(regionPath));
    }

    /** The issue with the user's scope checked (404 outside it), for the module's other services. */
    Issue loadInScope(long id) {
        return load(id, currentUsers.require());
    }

    Instant now() {
        return clock.instant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    static List<Long> ids(List<IssueRow> rows) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.id()));
        return out;
    }
}
