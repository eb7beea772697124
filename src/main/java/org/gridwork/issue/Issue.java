package org.gridwork.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gridwork.account.CommandLevel;
import org.gridwork.account.Role;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.text.TextLimits;
import org.hibernate.annotations.DynamicUpdate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * An issue report (事件) and its closed loop. Every transition is a method here that checks the
 * current state, the actor's role and scope and the required reason, then records itself on the
 * timeline. Dynamic updates: the warning job writes its own columns without touching the version,
 * so a warning never makes a user's open form stale.
 */
@Entity
@Table(name = "issue")
@DynamicUpdate
class Issue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_id")
    private Long categoryId;

    @Enumerated(EnumType.STRING)
    private IssueStatus status;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    private IssueSource source;

    private String description;
    private String address;

    @Column(name = "people_involved")
    private String peopleInvolved;

    private Double longitude;
    private Double latitude;

    @Column(name = "grid_id")
    private Long gridId;

    @Column(name = "region_path")
    private String regionPath;

    @Column(name = "reporter_id")
    private Long reporterId;

    @Column(name = "reporter_contact")
    @Convert(converter = ReporterContactConverter.class)
    private String reporterContact;

    @Column(name = "open311_key_id")
    private Long open311KeyId;

    @Column(name = "visit_id")
    private Long visitId;

    @Column(name = "duplicate_of_id")
    private Long duplicateOfId;

    @Column(name = "assignee_user_id")
    private Long assigneeUserId;

    @Column(name = "assignee_department_id")
    private Long assigneeDepartmentId;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @Column(name = "filed_at")
    private Instant filedAt;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    private Instant deadline;

    @Column(name = "original_deadline")
    private Instant originalDeadline;

    @Column(name = "warn50_at")
    private Instant warn50At;

    @Column(name = "warn80_at")
    private Instant warn80At;

    @Column(name = "warning_level")
    private short warningLevel;

    private boolean overdue;

    @Column(name = "extension_requested_until")
    private Instant extensionRequestedUntil;

    @Column(name = "extension_reason")
    private String extensionReason;

    /** An extension was approved: a rework keeps its deadline when later than a fresh one. */
    @Column(name = "extension_approved")
    private boolean extended;

    @Column(name = "handled_at")
    private Instant handledAt;

    private String feedback;

    @Column(name = "verify_deadline")
    private Instant verifyDeadline;

    @Column(name = "rework_count")
    private int reworkCount;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The resident who reported it rated the outcome 不满意 within 7 days of closure. */
    @Column(name = "resident_unsatisfied")
    private boolean residentUnsatisfied;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** TOWN, or COUNTY once escalated (上报) to the county centre (V90). */
    @Enumerated(EnumType.STRING)
    @Column(name = "handling_level")
    private CommandLevel level = CommandLevel.TOWN;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    /** Who escalated it (null when the time limit did): the town that verifies the county's work. */
    @Column(name = "escalated_by")
    private Long escalatedBy;

    @Column(name = "escalation_reason")
    private String escalationReason;

    /** The county centre filed (受理) the escalation; before that it may still decline it. */
    @Column(name = "county_filed_at")
    private Instant countyFiledAt;

    @Column(name = "county_limit_days")
    private Integer countyLimitDays;

    @Version
    private long version;

    /** Timeline lines not yet saved (the id is unknown before the first save). */
    @Transient
    private final List<PendingEvent> pending = new ArrayList<>();

    protected Issue() {
    }

    Issue(Report report, Actor reporter, Instant now) {
        this.categoryId = report.categoryId();
        this.status = IssueStatus.REPORTED;
        this.urgency = report.urgency();
        this.source = report.source();
        this.description = report.description();
        this.address = report.address();
        this.peopleInvolved = report.peopleInvolved();
        this.longitude = report.longitude();
        this.latitude = report.latitude();
        this.gridId = report.gridId();
        this.regionPath = report.regionPath();
        this.reporterId = reporter.userId();
        this.reporterContact = report.reporterContact();
        this.open311KeyId = report.open311KeyId();
        this.visitId = report.visitId();
        this.duplicateOfId = report.duplicateOfId();
        this.reportedAt = now;
        this.updatedAt = now;
        record(reporter, now, "REPORT", null, IssueStatus.REPORTED, null);
    }

    /** What a report carries once the service has located it. */
    record Report(long categoryId, Urgency urgency, IssueSource source, String description, String address,
            String peopleInvolved, Double longitude, Double latitude, Long gridId, String regionPath,
            String reporterContact, Long open311KeyId, Long visitId, Long duplicateOfId) {
    }

    record PendingEvent(Instant at, Actor actor, String action, IssueStatus from, IssueStatus to, String comment) {
    }

    // ---- the transitions of DOMAIN.md section 5 ----

    void file(Actor a, String comment, Instant now) {
        if (gridId == null && status == IssueStatus.REPORTED) {
            throw new BusinessRuleException("issue.error.placeFirst");
        }
        require(IssueAction.FILE, a, IssueStatus.REPORTED);
        filedAt = now;
        move(a, now, "FILE", IssueStatus.FILED, comment);
    }

    void reject(Actor a, String reason, Instant now) {
        require(IssueAction.REJECT, a, IssueStatus.REPORTED, IssueStatus.FILED);
        requireReason(reason);
        closedAt = now;
        move(a, now, "REJECT", IssueStatus.REJECTED, reason);
    }

    void dispatchToStaff(Actor a, long staffUserId, String staffName, Deadlines d, String comment, Instant now) {
        require(IssueAction.DISPATCH, a, IssueStatus.FILED);
        requireTown();
        assigneeUserId = staffUserId;
        assigneeDepartmentId = null;
        startHandling(d, now);
        move(a, now, "DISPATCH", IssueStatus.DISPATCHED, join(staffName, comment));
    }

    void dispatchToDepartment(Actor a, long departmentId, String departmentName, Deadlines d, String comment, Instant now) {
        require(IssueAction.DISPATCH, a, IssueStatus.FILED);
        requireTown();
        assigneeDepartmentId = departmentId;
        assigneeUserId = null;
        startHandling(d, now);
        move(a, now, "DISPATCH", IssueStatus.DISPATCHED, join(departmentName, comment));
    }

    void accept(Actor a, Instant now) {
        require(IssueAction.ACCEPT, a, IssueStatus.DISPATCHED);
        move(a, now, "ACCEPT", IssueStatus.IN_PROGRESS, null);
    }

    /** 退回: back to the supervisor, who dispatches again; the assignment and deadline end. */
    void returnToSupervisor(Actor a, String reason, Instant now) {
        require(IssueAction.RETURN, a, IssueStatus.DISPATCHED);
        requireReason(reason);
        assigneeUserId = null;
        assigneeDepartmentId = null;
        deadline = null;
        warn50At = null;
        warn80At = null;
        extensionRequestedUntil = null;
        extensionReason = null;
        move(a, now, "RETURN", IssueStatus.FILED, reason);
    }

    void reportHandled(Actor a, String whatWasDone, int verifyLimitHours, Instant now) {
        require(IssueAction.REPORT_HANDLED, a, IssueStatus.IN_PROGRESS);
        if (whatWasDone == null || whatWasDone.isBlank()) {
            throw new BusinessRuleException("issue.error.feedbackRequired");
        }
        feedback = whatWasDone.strip();
        handledAt = now;
        verifyDeadline = now.plusSeconds(verifyLimitHours * 3600L);
        extensionRequestedUntil = null;
        extensionReason = null;
        move(a, now, "HANDLED", IssueStatus.HANDLED, feedback);
    }

    void verifyAndClose(Actor a, String comment, Instant now) {
        require(IssueAction.VERIFY_CLOSE, a, IssueStatus.HANDLED);
        closedAt = now;
        move(a, now, "CLOSE", IssueStatus.CLOSED, comment);
    }

    /**
     * 返工: the work did not hold; back to the same assignee with a fresh deadline, never earlier
     * than the one an approved extension set: the timeline then says the extension stands.
     */
    void sendBackForRework(Actor a, String reason, Deadlines d, Instant now) {
        require(IssueAction.REWORK, a, IssueStatus.HANDLED);
        requireReason(reason);
        reworkCount++;
        handledAt = null;
        verifyDeadline = null;
        boolean keepExtension = extended && deadline != null && deadline.isAfter(d.deadline());
        if (!keepExtension) {
            deadline = d.deadline();
            warn50At = d.warn50();
            warn80At = d.warn80();
        }
        warningLevel = 0;
        overdue = false;
        move(a, now, "REWORK", IssueStatus.DISPATCHED, reason);
        if (keepExtension) {
            record(a, now, "EXTENSION_KEPT", status, status, null);
        }
    }

    void requestExtension(Actor a, Instant until, String reason, Instant now) {
        require(IssueAction.REQUEST_EXTENSION, a, IssueStatus.DISPATCHED, IssueStatus.IN_PROGRESS);
        requireReason(reason);
        if (reason.strip().length() > MAX_EXTENSION_REASON) {
            throw new BusinessRuleException("issue.error.commentTooLong", MAX_EXTENSION_REASON, reason.strip().length());
        }
        if (until == null || deadline == null || !until.isAfter(deadline)) {
            throw new BusinessRuleException("issue.error.extensionNotLater");
        }
        extensionRequestedUntil = until;
        extensionReason = reason.strip();
        record(a, now, "EXTENSION_REQUESTED", status, status, reason.strip());
        updatedAt = now;
    }

    /** 延期: the deadline moves; the original deadline stays for the statistics. */
    void approveExtension(Actor a, Deadlines moved, String comment, Instant now) {
        require(IssueAction.APPROVE_EXTENSION, a, IssueStatus.DISPATCHED, IssueStatus.IN_PROGRESS);
        deadline = moved.deadline();
        warn50At = moved.warn50();
        warn80At = moved.warn80();
        overdue = false;
        warningLevel = 0;
        extended = true;
        extensionRequestedUntil = null;
        extensionReason = null;
        record(a, now, "EXTENSION_APPROVED", status, status, comment);
        updatedAt = now;
    }

    void refuseExtension(Actor a, String reason, Instant now) {
        require(IssueAction.REFUSE_EXTENSION, a, IssueStatus.DISPATCHED, IssueStatus.IN_PROGRESS);
        requireReason(reason);
        extensionRequestedUntil = null;
        extensionReason = null;
        record(a, now, "EXTENSION_REFUSED", status, status, reason.strip());
        updatedAt = now;
    }

    /** How long after closure a resident's 不满意 can still reopen the issue. */
    static final java.time.Duration REOPEN_WINDOW = java.time.Duration.ofDays(7);

    /**
     * The resident rated the closed issue 不满意: within {@link #REOPEN_WINDOW} of closure the
     * supervisor may reopen it; later the rating only counts in the figures.
     */
    void residentRatedUnsatisfied(Instant now) {
        if (status == IssueStatus.CLOSED && closedAt != null && !now.isAfter(closedAt.plus(REOPEN_WINDOW))) {
            residentUnsatisfied = true;
            record(Actor.publicReporter(), now, "RESIDENT_UNSATISFIED", status, status, null);
            updatedAt = now;
        }
    }

    /** 重新处理: the resident was not satisfied; back to the same assignee with a fresh deadline. */
    void reopenForRework(Actor a, String reason, Deadlines d, Instant now) {
        require(IssueAction.REOPEN, a, IssueStatus.CLOSED);
        requireReason(reason);
        residentUnsatisfied = false;
        reworkCount++;
        closedAt = null;
        handledAt = null;
        verifyDeadline = null;
        deadline = d.deadline();
        warn50At = d.warn50();
        warn80At = d.warn80();
        warningLevel = 0;
        overdue = false;
        move(a, now, "REOPEN", IssueStatus.DISPATCHED, reason);
    }

    /**
     * An address-only report (Open311 without a point) gets its point, tapped by a supervisor, and
     * with it its grid: from here on it is a report like any other.
     */
    void place(Actor a, double lon, double lat, long newGridId, String newRegionPath, String gridLabel, Instant now) {
        if (gridId != null || status != IssueStatus.REPORTED) {
            throw new BusinessRuleException("issue.error.alreadyPlaced");
        }
        if (!supervises(a)) {
            throw new BusinessRuleException("issue.error.notAllowed", "PLACE");
        }
        longitude = lon;
        latitude = lat;
        gridId = newGridId;
        regionPath = newRegionPath;
        record(a, now, "PLACED", status, status, gridLabel);
        updatedAt = now;
    }

    boolean isUnplaced() {
        return gridId == null;
    }

    /** Placed in another grid after a boundary changed; only while still REPORTED or FILED. */
    void moveToGrid(long newGridId, String newRegionPath, String comment, Instant now) {
        gridId = newGridId;
        regionPath = newRegionPath;
        record(Actor.system(), now, "REGRIDDED", status, status, comment);
        updatedAt = now;
    }

    // ---- up the chain: escalation to the county centre (DOMAIN.md section 10) ----

    /**
     * 上报: the town cannot solve it; the county centre takes it over. Any town assignment and its
     * deadline end; the issue waits, FILED at the county, for the county desk to file it.
     */
    void escalate(Actor a, String reason, Instant now) {
        require(IssueAction.ESCALATE, a, IssueStatus.FILED, IssueStatus.DISPATCHED, IssueStatus.IN_PROGRESS);
        requireReason(reason);
        TextLimits.require(reason.strip(), MAX_EXTENSION_REASON); // issue.escalation_reason is as long as an extension's
        moveUp(a.userId(), reason.strip(), now);
        move(a, now, "ESCALATE", IssueStatus.FILED, reason);
    }

    /** The town's time limit ran out long ago: the system escalates it (no role check, only the state). */
    void escalateAutomatically(String reason, Instant now) {
        if (level != CommandLevel.TOWN || !status.inHandling()) {
            throw new BusinessRuleException("issue.error.illegalTransition", IssueAction.ESCALATE.name(), status.name());
        }
        moveUp(null, reason, now);
        move(Actor.system(), now, "AUTO_ESCALATE", IssueStatus.FILED, reason);
    }

    private void moveUp(Long by, String reason, Instant now) {
        level = CommandLevel.COUNTY;
        escalatedAt = now;
        escalatedBy = by;
        escalationReason = reason;
        countyFiledAt = null;
        countyLimitDays = null;
        assigneeUserId = null;
        assigneeDepartmentId = null;
        deadline = null;
        warn50At = null;
        warn80At = null;
        warningLevel = 0;
        overdue = false;
        extensionRequestedUntil = null;
        extensionReason = null;
    }

    /** 县级受理: the county centre accepts the escalation and will dispatch it. */
    void fileAtCounty(Actor a, String comment, Instant now) {
        require(IssueAction.FILE_AT_COUNTY, a, IssueStatus.FILED);
        countyFiledAt = now;
        record(a, now, "FILE_AT_COUNTY", status, status, comment);
        updatedAt = now;
    }

    /** 退回乡镇: the county finds it the town's to solve; back to the town, FILED, with the reason. */
    void declineEscalation(Actor a, String reason, Instant now) {
        require(IssueAction.DECLINE_ESCALATION, a, IssueStatus.FILED);
        requireReason(reason);
        level = CommandLevel.TOWN;
        countyFiledAt = null;
        record(a, now, "DECLINE_ESCALATION", status, status, reason);
        updatedAt = now;
    }

    /**
     * The county dispatches to a lead department (主办) with its own limit in working days; the
     * co-handlers (协办) are kept by the service beside the issue and named on the timeline.
     */
    void dispatchAtCounty(Actor a, long leadDepartmentId, String leadName, String coNames, int limitDays, Deadlines d,
            String comment, Instant now) {
        require(IssueAction.DISPATCH, a, IssueStatus.FILED);
        if (level != CommandLevel.COUNTY) {
            throw new BusinessRuleException("issue.error.illegalTransition", IssueAction.DISPATCH.name(), status.name());
        }
        assigneeDepartmentId = leadDepartmentId;
        assigneeUserId = null;
        countyLimitDays = limitDays;
        startHandling(d, now);
        String target = coNames == null || coNames.isBlank() ? leadName : leadName + " + " + coNames;
        move(a, now, "DISPATCH_AT_COUNTY", IssueStatus.DISPATCHED, join(target, comment));
    }

    // ---- who may do what ----

    /** Whether the actor may take this action now: the issue page shows exactly these. */
    boolean allows(IssueAction action, Actor a) {
        boolean atCounty = level == CommandLevel.COUNTY;
        return switch (action) {
            case FILE -> status == IssueStatus.REPORTED && gridId != null && supervises(a);
            case REJECT -> !atCounty && (status == IssueStatus.REPORTED || status == IssueStatus.FILED) && supervises(a);
            case DISPATCH -> status == IssueStatus.FILED
                    && (atCounty ? countyFiledAt != null && a.countyDesk() : supervises(a));
            case ACCEPT, RETURN -> status == IssueStatus.DISPATCHED && isAssignee(a);
            case REPORT_HANDLED -> status == IssueStatus.IN_PROGRESS && isAssignee(a);
            // handled at the county, it comes back down to the town that filed it
            case VERIFY_CLOSE, REWORK -> status == IssueStatus.HANDLED && (atCounty ? mayVerifyBelowCounty(a) : mayVerify(a));
            case REQUEST_EXTENSION -> status.inHandling() && isAssignee(a) && extensionRequestedUntil == null;
            case APPROVE_EXTENSION, REFUSE_EXTENSION -> status.inHandling() && (atCounty ? a.countyDesk() : supervises(a))
                    && extensionRequestedUntil != null;
            case ESCALATE -> !atCounty && (status == IssueStatus.FILED || status.inHandling()) && a.townDesk();
            case FILE_AT_COUNTY, DECLINE_ESCALATION -> atCounty && status == IssueStatus.FILED && countyFiledAt == null
                    && a.countyDesk();
            case REOPEN -> status == IssueStatus.CLOSED && residentUnsatisfied && supervises(a)
                    && (assigneeUserId != null || assigneeDepartmentId != null);
        };
    }

    private boolean supervises(Actor a) {
        return a.role() == Role.ADMIN || (a.role() == Role.SUPERVISOR && a.gridInScope());
    }

    boolean isAssignee(Actor a) {
        if (a.userId() != null && Objects.equals(assigneeUserId, a.userId())) {
            return true;
        }
        return a.role() == Role.HANDLER && assigneeDepartmentId != null
                && Objects.equals(assigneeDepartmentId, a.departmentId());
    }

    /** A supervisor, or the grid staff of the issue's grid as long as they did not handle it themselves. */
    private boolean mayVerify(Actor a) {
        return supervises(a) || (a.role() == Role.GRID_STAFF && a.gridInScope() && !isAssignee(a));
    }

    private boolean mayVerifyBelowCounty(Actor a) {
        return a.townDesk() || (a.role() == Role.GRID_STAFF && a.gridInScope() && !isAssignee(a));
    }

    private void require(IssueAction action, Actor a, IssueStatus... from) {
        boolean stateOk = false;
        for (IssueStatus s : from) {
            stateOk |= s == status;
        }
        if (!stateOk) {
            throw new BusinessRuleException("issue.error.illegalTransition", action.name(), status.name());
        }
        if (!allows(action, a)) {
            throw new BusinessRuleException("issue.error.notAllowed", action.name());
        }
    }

    /** Staff and town offices take issues of the town; the county dispatches to its own departments. */
    private void requireTown() {
        if (level == CommandLevel.COUNTY) {
            throw new BusinessRuleException("issue.error.countyDepartmentsOnly");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("issue.error.reasonRequired");
        }
    }

    private void startHandling(Deadlines d, Instant now) {
        dispatchedAt = now;
        deadline = d.deadline();
        if (originalDeadline == null) {
            originalDeadline = d.deadline();
        }
        warn50At = d.warn50();
        warn80At = d.warn80();
        warningLevel = 0;
        overdue = false;
    }

    private void move(Actor a, Instant now, String action, IssueStatus to, String comment) {
        record(a, now, action, status, to, comment);
        status = to;
        updatedAt = now;
    }

    /** Longest comment, reason or feedback a timeline line keeps (issue_event.comment, issue.feedback). */
    static final int MAX_COMMENT = 4000;
    /** Longest reason for an extension (issue.extension_reason). */
    static final int MAX_EXTENSION_REASON = 1000;

    private void record(Actor a, Instant now, String action, IssueStatus from, IssueStatus to, String comment) {
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        if (c != null && c.length() > MAX_COMMENT) {
            // said with its limit and refused, never cut short or left to the database's error
            throw new BusinessRuleException("issue.error.commentTooLong", MAX_COMMENT, c.length());
        }
        pending.add(new PendingEvent(now, a, action, from, to, c));
    }

    private static String join(String target, String comment) {
        return comment == null || comment.isBlank() ? target : target + ": " + comment.strip();
    }

    List<PendingEvent> drainPending() {
        List<PendingEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    // ---- read access ----

    Long getId() { return id; }
    Long getCategoryId() { return categoryId; }
    IssueStatus getStatus() { return status; }
    Urgency getUrgency() { return urgency; }
    IssueSource getSource() { return source; }
    String getDescription() { return description; }
    String getAddress() { return address; }
    String getPeopleInvolved() { return peopleInvolved; }
    Double getLongitude() { return longitude; }
    Double getLatitude() { return latitude; }
    Long getGridId() { return gridId; }
    String getRegionPath() { return regionPath; }
    Long getReporterId() { return reporterId; }
    Long getVisitId() { return visitId; }
    Long getDuplicateOfId() { return duplicateOfId; }
    Long getAssigneeUserId() { return assigneeUserId; }
    Long getAssigneeDepartmentId() { return assigneeDepartmentId; }
    Instant getReportedAt() { return reportedAt; }
    Instant getDispatchedAt() { return dispatchedAt; }
    Instant getDeadline() { return deadline; }
    Instant getOriginalDeadline() { return originalDeadline; }
    boolean isOverdue() { return overdue; }
    int getWarningLevel() { return warningLevel; }
    Instant getExtensionRequestedUntil() { return extensionRequestedUntil; }
    String getExtensionReason() { return extensionReason; }
    Instant getHandledAt() { return handledAt; }
    String getFeedback() { return feedback; }
    Instant getVerifyDeadline() { return verifyDeadline; }
    int getReworkCount() { return reworkCount; }
    Instant getClosedAt() { return closedAt; }
    boolean isResidentUnsatisfied() { return residentUnsatisfied; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }
    CommandLevel getLevel() { return level; }
    Instant getEscalatedAt() { return escalatedAt; }
    Long getEscalatedBy() { return escalatedBy; }
    String getEscalationReason() { return escalationReason; }
    Instant getCountyFiledAt() { return countyFiledAt; }
    Integer getCountyLimitDays() { return countyLimitDays; }
}
