package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.gridwork.account.Role;
import org.gridwork.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transition, from the state it needs, tried by every kind of actor: the table says who may.
 * Runs on the aggregate alone (no database).
 */
class IssueWorkflowTest {

    static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    static final Deadlines D = new Deadlines(T0.plus(Duration.ofHours(8)), T0.plus(Duration.ofHours(4)),
            T0.plus(Duration.ofHours(6)));

    static final Actor ADMIN = new Actor(1L, "admin", Role.ADMIN, null, true);
    static final Actor SUPERVISOR = new Actor(2L, "supervisor", Role.SUPERVISOR, null, true);
    static final Actor OTHER_SUPERVISOR = new Actor(3L, "other supervisor", Role.SUPERVISOR, null, false);
    static final Actor ASSIGNEE = new Actor(4L, "staff", Role.GRID_STAFF, null, true);
    static final Actor GRID_STAFF = new Actor(5L, "grid colleague", Role.GRID_STAFF, null, true);
    static final Actor FOREIGN_STAFF = new Actor(6L, "staff elsewhere", Role.GRID_STAFF, null, false);
    static final Actor HANDLER = new Actor(7L, "police", Role.HANDLER, 70L, false);
    static final Actor OTHER_HANDLER = new Actor(8L, "water", Role.HANDLER, 80L, false);
    static final List<Actor> EVERYONE = List.of(ADMIN, SUPERVISOR, OTHER_SUPERVISOR, ASSIGNEE, GRID_STAFF, FOREIGN_STAFF,
            HANDLER, OTHER_HANDLER);

    record Case(String transition, IssueStatus from, boolean toDepartment, BiConsumer<Issue, Actor> act,
            List<Actor> allowed) {
    }

    static List<Case> cases() {
        List<Actor> supervisors = List.of(ADMIN, SUPERVISOR);
        List<Actor> verifiers = List.of(ADMIN, SUPERVISOR, GRID_STAFF);
        return List.of(
                new Case("file", IssueStatus.REPORTED, false, (i, a) -> i.file(a, null, T0), supervisors),
                new Case("reject reported", IssueStatus.REPORTED, false, (i, a) -> i.reject(a, "not ours", T0), supervisors),
                new Case("reject filed", IssueStatus.FILED, false, (i, a) -> i.reject(a, "not ours", T0), supervisors),
                new Case("dispatch to staff", IssueStatus.FILED, false,
                        (i, a) -> i.dispatchToStaff(a, 4L, "staff", D, null, T0), supervisors),
                new Case("dispatch to department", IssueStatus.FILED, false,
                        (i, a) -> i.dispatchToDepartment(a, 70L, "police", D, null, T0), supervisors),
                new Case("accept", IssueStatus.DISPATCHED, false, (i, a) -> i.accept(a, T0), List.of(ASSIGNEE)),
                new Case("accept as department", IssueStatus.DISPATCHED, true, (i, a) -> i.accept(a, T0), List.of(HANDLER)),
                new Case("return", IssueStatus.DISPATCHED, false, (i, a) -> i.returnToSupervisor(a, "not mine", T0),
                        List.of(ASSIGNEE)),
                new Case("return as department", IssueStatus.DISPATCHED, true,
                        (i, a) -> i.returnToSupervisor(a, "not ours", T0), List.of(HANDLER)),
                new Case("report handled", IssueStatus.IN_PROGRESS, false, (i, a) -> i.reportHandled(a, "fixed", 8, T0),
                        List.of(ASSIGNEE)),
                new Case("request extension", IssueStatus.IN_PROGRESS, false,
                        (i, a) -> i.requestExtension(a, D.deadline().plus(Duration.ofDays(2)), "waiting for parts", T0),
                        List.of(ASSIGNEE)),
                new Case("verify and close", IssueStatus.HANDLED, false, (i, a) -> i.verifyAndClose(a, null, T0), verifiers),
                new Case("rework", IssueStatus.HANDLED, false, (i, a) -> i.sendBackForRework(a, "still broken", D, T0),
                        verifiers));
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Case c : cases()) {
            for (Actor a : EVERYONE) {
                rows.add(Arguments.of(c.transition(), a.name(), c, a));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("table")
    void eachTransitionIsAllowedOnlyToItsRoles(String transition, String actorName, Case c, Actor actor) {
        Issue issue = issueIn(c.from(), c.toDepartment());
        if (c.allowed().contains(actor)) {
            c.act().accept(issue, actor);
            assertThat(issue.drainPending()).last().extracting(Issue.PendingEvent::actor).isEqualTo(actor);
        } else {
            assertThatThrownBy(() -> c.act().accept(issue, actor)).isInstanceOf(BusinessRuleException.class)
                    .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("issue.error.notAllowed");
            assertThat(issue.getStatus()).isEqualTo(c.from());
        }
    }

    @Test
    void transitionsFromTheWrongStateAreRefusedWithTheCurrentState() {
        Issue reported = issueIn(IssueStatus.REPORTED, false);
        assertThatThrownBy(() -> reported.verifyAndClose(SUPERVISOR, null, T0)).isInstanceOf(BusinessRuleException.class)
                .hasMessage("issue.error.illegalTransition");
        Issue closed = issueIn(IssueStatus.CLOSED, false);
        assertThatThrownBy(() -> closed.file(ADMIN, null, T0)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> closed.dispatchToStaff(ADMIN, 4L, "staff", D, null, T0)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void reasonsAreRequiredToRejectReturnReworkAndExtend() {
        assertThatThrownBy(() -> issueIn(IssueStatus.REPORTED, false).reject(SUPERVISOR, " ", T0))
                .hasMessage("issue.error.reasonRequired");
        assertThatThrownBy(() -> issueIn(IssueStatus.DISPATCHED, false).returnToSupervisor(ASSIGNEE, null, T0))
                .hasMessage("issue.error.reasonRequired");
        assertThatThrownBy(() -> issueIn(IssueStatus.HANDLED, false).sendBackForRework(SUPERVISOR, "", D, T0))
                .hasMessage("issue.error.reasonRequired");
        assertThatThrownBy(() -> issueIn(IssueStatus.IN_PROGRESS, false).reportHandled(ASSIGNEE, "", 8, T0))
                .hasMessage("issue.error.feedbackRequired");
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndKeepsTheOriginal() {
        Issue issue = issueIn(IssueStatus.IN_PROGRESS, false);
        Instant later = D.deadline().plus(Duration.ofDays(3));
        issue.requestExtension(ASSIGNEE, later, "waiting for parts", T0);
        assertThat(issue.allows(IssueAction.APPROVE_EXTENSION, SUPERVISOR)).isTrue();
        assertThat(issue.allows(IssueAction.APPROVE_EXTENSION, ASSIGNEE)).isFalse();
        issue.approveExtension(SUPERVISOR, new Deadlines(later, T0, T0), null, T0);
        assertThat(issue.getDeadline()).isEqualTo(later);
        assertThat(issue.getOriginalDeadline()).isEqualTo(D.deadline());
        assertThat(issue.getExtensionRequestedUntil()).isNull();
    }

    @Test
    void onlyAResidentsNotSatisfiedWithinSevenDaysLetsOnlyASupervisorReopen() {
        Issue closed = issueIn(IssueStatus.CLOSED, false);
        for (Actor a : EVERYONE) {
            assertThat(closed.allows(IssueAction.REOPEN, a)).isFalse();
        }
        assertThatThrownBy(() -> closed.reopenForRework(SUPERVISOR, "resident unhappy", D, T0))
                .hasMessage("issue.error.notAllowed");
        Issue late = issueIn(IssueStatus.CLOSED, false);
        late.residentRatedUnsatisfied(T0.plus(Duration.ofDays(8)));
        assertThat(late.allows(IssueAction.REOPEN, SUPERVISOR)).isFalse();

        closed.residentRatedUnsatisfied(T0.plus(Duration.ofDays(6)));
        for (Actor a : EVERYONE) {
            assertThat(closed.allows(IssueAction.REOPEN, a)).as(a.name()).isEqualTo(a == ADMIN || a == SUPERVISOR);
        }
        assertThatThrownBy(() -> closed.reopenForRework(ASSIGNEE, "again", D, T0)).hasMessage("issue.error.notAllowed");
        assertThatThrownBy(() -> closed.reopenForRework(SUPERVISOR, " ", D, T0)).hasMessage("issue.error.reasonRequired");
        closed.reopenForRework(SUPERVISOR, "resident unhappy", D, T0);
        assertThat(closed.getStatus()).isEqualTo(IssueStatus.DISPATCHED);
        assertThat(closed.getAssigneeUserId()).isEqualTo(ASSIGNEE.userId());
        assertThat(closed.getReworkCount()).isEqualTo(1);
        assertThat(closed.getClosedAt()).isNull();
        assertThat(closed.allows(IssueAction.REOPEN, SUPERVISOR)).isFalse();
        assertThatThrownBy(() -> issueIn(IssueStatus.HANDLED, false).reopenForRework(SUPERVISOR, "x", D, T0))
                .hasMessage("issue.error.illegalTransition");
    }

    @Test
    void reworkNeverMovesTheDeadlineEarlierThanAnApprovedExtension() {
        Issue issue = issueIn(IssueStatus.IN_PROGRESS, false);
        Instant later = D.deadline().plus(Duration.ofDays(3));
        issue.requestExtension(ASSIGNEE, later, "waiting for parts", T0);
        issue.approveExtension(SUPERVISOR, new Deadlines(later, T0, T0), null, T0);
        issue.reportHandled(ASSIGNEE, "replaced", 24, T0);
        issue.drainPending();

        issue.sendBackForRework(SUPERVISOR, "still broken", D, T0);
        assertThat(issue.getDeadline()).as("the approved extension stands").isEqualTo(later);
        assertThat(issue.drainPending()).extracting(Issue.PendingEvent::action).containsExactly("REWORK", "EXTENSION_KEPT");

        // a fresh deadline later than the extension wins
        issue.accept(ASSIGNEE, T0);
        issue.reportHandled(ASSIGNEE, "replaced again", 24, T0);
        Deadlines muchLater = new Deadlines(later.plus(Duration.ofDays(5)), T0, T0);
        issue.sendBackForRework(SUPERVISOR, "still broken", muchLater, T0);
        assertThat(issue.getDeadline()).isEqualTo(muchLater.deadline());
    }

    @Test
    void reworkWithoutAnExtensionTakesTheFreshDeadline() {
        Issue issue = issueIn(IssueStatus.HANDLED, false);
        Deadlines fresh = new Deadlines(T0.plus(Duration.ofDays(2)), T0, T0);
        issue.sendBackForRework(SUPERVISOR, "still broken", fresh, T0);
        assertThat(issue.getDeadline()).isEqualTo(fresh.deadline());
        assertThat(issue.drainPending()).extracting(Issue.PendingEvent::action).doesNotContain("EXTENSION_KEPT");
    }

    @Test
    void reworkGoesBackToTheAssigneeAndIsCounted() {
        Issue issue = issueIn(IssueStatus.HANDLED, false);
        issue.sendBackForRework(SUPERVISOR, "still broken", D, T0);
        assertThat(issue.getStatus()).isEqualTo(IssueStatus.DISPATCHED);
        assertThat(issue.getReworkCount()).isEqualTo(1);
        assertThat(issue.getAssigneeUserId()).isEqualTo(ASSIGNEE.userId());
    }

    @Test
    void theAssigneeMayNotVerifyTheirOwnWork() {
        Issue issue = issueIn(IssueStatus.HANDLED, false);
        assertThat(issue.allows(IssueAction.VERIFY_CLOSE, ASSIGNEE)).isFalse();
        assertThat(issue.allows(IssueAction.VERIFY_CLOSE, GRID_STAFF)).isTrue();
    }

    /** Walks an issue to the wanted state through the real transitions. */
    static Issue issueIn(IssueStatus target, boolean toDepartment) {
        Issue i = new Issue(new Issue.Report(1L, Urgency.NORMAL, IssueSource.STAFF, "lamp out", null, null, 115.0, 37.5,
                10L, "/13/", null, null, null, null), ASSIGNEE, T0);
        if (target == IssueStatus.REPORTED) {
            return i;
        }
        if (target == IssueStatus.REJECTED) {
            i.reject(ADMIN, "no", T0);
            return i;
        }
        i.file(ADMIN, null, T0);
        if (target == IssueStatus.FILED) {
            return i;
        }
        if (toDepartment) {
            i.dispatchToDepartment(ADMIN, 70L, "police", D, null, T0);
        } else {
            i.dispatchToStaff(ADMIN, ASSIGNEE.userId(), "staff", D, null, T0);
        }
        if (target == IssueStatus.DISPATCHED) {
            return i;
        }
        i.accept(toDepartment ? HANDLER : ASSIGNEE, T0);
        if (target == IssueStatus.IN_PROGRESS) {
            return i;
        }
        i.reportHandled(toDepartment ? HANDLER : ASSIGNEE, "done", 8, T0);
        if (target == IssueStatus.HANDLED) {
            return i;
        }
        i.verifyAndClose(ADMIN, null, T0);
        return i;
    }
}
