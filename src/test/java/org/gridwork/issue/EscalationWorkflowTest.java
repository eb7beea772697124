package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.gridwork.account.CommandLevel;
import org.gridwork.account.Role;
import org.gridwork.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Up the chain (issue 21), on the aggregate alone: every escalation step from the stage it needs,
 * tried by every role at every level; the table says who may. Then the whistle's rules the same way.
 */
class EscalationWorkflowTest {

    static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    static final Deadlines D = new Deadlines(T0.plus(Duration.ofHours(8)), T0.plus(Duration.ofHours(4)),
            T0.plus(Duration.ofHours(6)));

    static final Actor ADMIN = new Actor(1L, "admin", Role.ADMIN, null, true, null);
    static final Actor COUNTY_SUP = new Actor(2L, "county centre", Role.SUPERVISOR, null, true, CommandLevel.COUNTY);
    static final Actor TOWN_SUP = new Actor(3L, "town centre", Role.SUPERVISOR, null, true, CommandLevel.TOWN);
    static final Actor VILLAGE_SUP = new Actor(4L, "village", Role.SUPERVISOR, null, true, CommandLevel.VILLAGE);
    static final Actor OTHER_TOWN_SUP = new Actor(5L, "other town", Role.SUPERVISOR, null, false, CommandLevel.TOWN);
    static final Actor OTHER_COUNTY_SUP = new Actor(6L, "other county", Role.SUPERVISOR, null, false, CommandLevel.COUNTY);
    static final Actor STAFF = new Actor(7L, "grid staff", Role.GRID_STAFF, null, true, CommandLevel.GRID);
    static final Actor COUNTY_LEAD = new Actor(8L, "住建局", Role.HANDLER, 100L, false, CommandLevel.COUNTY);
    static final Actor COUNTY_CO = new Actor(9L, "应急管理局", Role.HANDLER, 101L, false, CommandLevel.COUNTY);
    static final Actor TOWN_OFFICE = new Actor(10L, "派出所", Role.HANDLER, 70L, false, CommandLevel.TOWN);
    static final List<Actor> EVERYONE = List.of(ADMIN, COUNTY_SUP, TOWN_SUP, VILLAGE_SUP, OTHER_TOWN_SUP, OTHER_COUNTY_SUP,
            STAFF, COUNTY_LEAD, COUNTY_CO, TOWN_OFFICE);

    /** Where in the chain an issue stands before the step is tried. */
    enum Stage { TOWN_FILED, TOWN_IN_PROGRESS, ESCALATED, COUNTY_FILED, COUNTY_DISPATCHED, COUNTY_IN_PROGRESS, COUNTY_HANDLED }

    record Case(String step, Stage stage, BiConsumer<Issue, Actor> act, List<Actor> allowed) {
    }

    static List<Case> cases() {
        List<Actor> townDesk = List.of(ADMIN, TOWN_SUP, VILLAGE_SUP);
        List<Actor> countyDesk = List.of(ADMIN, COUNTY_SUP);
        List<Actor> townVerifiers = List.of(ADMIN, TOWN_SUP, VILLAGE_SUP, STAFF);
        return List.of(
                new Case("escalate a filed issue", Stage.TOWN_FILED, (i, a) -> i.escalate(a, "beyond the town", T0), townDesk),
                new Case("escalate an issue in handling", Stage.TOWN_IN_PROGRESS, (i, a) -> i.escalate(a, "beyond the town", T0),
                        townDesk),
                new Case("escalate again", Stage.ESCALATED, (i, a) -> i.escalate(a, "again", T0), List.of()),
                new Case("file at the county", Stage.ESCALATED, (i, a) -> i.fileAtCounty(a, null, T0), countyDesk),
                new Case("decline the escalation", Stage.ESCALATED, (i, a) -> i.declineEscalation(a, "the town's", T0), countyDesk),
                new Case("file at the county twice", Stage.COUNTY_FILED, (i, a) -> i.fileAtCounty(a, null, T0), List.of()),
                new Case("dispatch before filing", Stage.ESCALATED,
                        (i, a) -> i.dispatchAtCounty(a, 100L, "住建局", null, 5, D, null, T0), List.of()),
                new Case("dispatch at the county", Stage.COUNTY_FILED,
                        (i, a) -> i.dispatchAtCounty(a, 100L, "住建局", "应急管理局", 5, D, null, T0), countyDesk),
                new Case("dispatch a county issue to a town office", Stage.COUNTY_FILED,
                        (i, a) -> i.dispatchToDepartment(a, 70L, "派出所", D, null, T0), List.of()),
                new Case("dispatch a county issue to grid staff", Stage.COUNTY_FILED,
                        (i, a) -> i.dispatchToStaff(a, 7L, "staff", D, null, T0), List.of()),
                new Case("reject at the county", Stage.COUNTY_FILED, (i, a) -> i.reject(a, "no", T0), List.of()),
                new Case("accept as lead", Stage.COUNTY_DISPATCHED, (i, a) -> i.accept(a, T0), List.of(COUNTY_LEAD)),
                new Case("return to the county", Stage.COUNTY_DISPATCHED, (i, a) -> i.returnToSupervisor(a, "not ours", T0),
                        List.of(COUNTY_LEAD)),
                new Case("report handled at the county", Stage.COUNTY_IN_PROGRESS, (i, a) -> i.reportHandled(a, "done", 8, T0),
                        List.of(COUNTY_LEAD)),
                new Case("verify at the town", Stage.COUNTY_HANDLED, (i, a) -> i.verifyAndClose(a, null, T0), townVerifiers),
                new Case("rework from the town", Stage.COUNTY_HANDLED, (i, a) -> i.sendBackForRework(a, "not fixed", D, T0),
                        townVerifiers));
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Case c : cases()) {
            for (Actor a : EVERYONE) {
                rows.add(Arguments.of(c.step(), a.name(), c, a));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("table")
    void eachStepIsAllowedOnlyToItsRoleAndLevel(String step, String actorName, Case c, Actor actor) {
        Issue issue = issueAt(c.stage());
        IssueStatus before = issue.getStatus();
        CommandLevel levelBefore = issue.getLevel();
        issue.drainPending();
        if (c.allowed().contains(actor)) {
            c.act().accept(issue, actor);
            assertThat(issue.drainPending()).last().satisfies(e -> {
                assertThat(e.actor()).isEqualTo(actor);
            });
        } else {
            assertThatThrownBy(() -> c.act().accept(issue, actor)).isInstanceOf(BusinessRuleException.class);
            assertThat(issue.getStatus()).isEqualTo(before);
            assertThat(issue.getLevel()).isEqualTo(levelBefore);
        }
    }

    @Test
    void escalationEndsTheTownAssignmentAndWaitsForTheCounty() {
        Issue issue = issueAt(Stage.TOWN_IN_PROGRESS);
        issue.escalate(TOWN_SUP, "needs the housing bureau", T0);
        assertThat(issue.getLevel()).isEqualTo(CommandLevel.COUNTY);
        assertThat(issue.getStatus()).isEqualTo(IssueStatus.FILED);
        assertThat(issue.getAssigneeUserId()).isNull();
        assertThat(issue.getDeadline()).isNull();
        assertThat(issue.getEscalatedBy()).isEqualTo(TOWN_SUP.userId());
        assertThat(issue.allows(IssueAction.FILE_AT_COUNTY, COUNTY_SUP)).isTrue();
        assertThat(issue.allows(IssueAction.DISPATCH, COUNTY_SUP)).isFalse();
        assertThatThrownBy(() -> issueAt(Stage.TOWN_FILED).escalate(TOWN_SUP, " ", T0)).hasMessage("issue.error.reasonRequired");
    }

    @Test
    void theTimelineRecordsEveryHopWithItsLevel() {
        Issue issue = issueAt(Stage.COUNTY_HANDLED);
        issue.verifyAndClose(TOWN_SUP, "holds", T0);
        List<Issue.PendingEvent> lines = issue.drainPending();
        assertThat(lines).extracting(Issue.PendingEvent::action).containsSubsequence("ESCALATE", "FILE_AT_COUNTY",
                "DISPATCH_AT_COUNTY", "ACCEPT", "HANDLED", "CLOSE");
        assertThat(lines).filteredOn(e -> e.action().equals("FILE_AT_COUNTY")).singleElement()
                .extracting(e -> e.actor().level()).isEqualTo(CommandLevel.COUNTY);
        assertThat(lines).filteredOn(e -> e.action().equals("CLOSE")).singleElement()
                .extracting(e -> e.actor().level()).isEqualTo(CommandLevel.TOWN);
        assertThat(lines).filteredOn(e -> e.action().equals("DISPATCH_AT_COUNTY")).singleElement()
                .extracting(Issue.PendingEvent::comment).asString().contains("住建局", "应急管理局");
    }

    @Test
    void declinedEscalationGoesBackToTheTownAsFiled() {
        Issue issue = issueAt(Stage.ESCALATED);
        issue.declineEscalation(COUNTY_SUP, "the town's to solve", T0);
        assertThat(issue.getLevel()).isEqualTo(CommandLevel.TOWN);
        assertThat(issue.getStatus()).isEqualTo(IssueStatus.FILED);
        assertThat(issue.allows(IssueAction.DISPATCH, TOWN_SUP)).isTrue();
    }

    @Test
    void theSystemEscalatesOnlyAnIssueBeingHandledAtTheTown() {
        Issue issue = issueAt(Stage.TOWN_IN_PROGRESS);
        issue.escalateAutomatically("overdue > 3d", T0);
        assertThat(issue.getLevel()).isEqualTo(CommandLevel.COUNTY);
        assertThat(issue.getEscalatedBy()).isNull();
        assertThatThrownBy(() -> issue.escalateAutomatically("again", T0)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> issueAt(Stage.TOWN_FILED).escalateAutomatically("x", T0))
                .isInstanceOf(BusinessRuleException.class);
    }

    // ---- 吹哨报到 ----

    static Stream<Arguments> whistleTable() {
        List<Arguments> rows = new ArrayList<>();
        Instant respondBy = T0.plus(Duration.ofMinutes(30));
        for (Actor a : EVERYONE) {
            boolean townDesk = a == ADMIN || a == TOWN_SUP || a == VILLAGE_SUP;
            rows.add(Arguments.of("call on an open issue", a.name(), a, Whistle.mayCall(a, IssueStatus.FILED), townDesk));
            rows.add(Arguments.of("call on a closed issue", a.name(), a, Whistle.mayCall(a, IssueStatus.CLOSED), false));
            rows.add(Arguments.of("report for department 100", a.name(), a, Whistle.mayAcknowledge(a, 100L, null),
                    a == COUNTY_LEAD));
            rows.add(Arguments.of("report twice", a.name(), a, Whistle.mayAcknowledge(a, 100L, T0), false));
            rows.add(Arguments.of("act before reporting", a.name(), a, Whistle.mayRecordAction(a, 100L, null, null), false));
            rows.add(Arguments.of("act after reporting", a.name(), a, Whistle.mayRecordAction(a, 100L, T0, null),
                    a == COUNTY_LEAD));
            rows.add(Arguments.of("act twice", a.name(), a, Whistle.mayRecordAction(a, 100L, T0, respondBy), false));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "whistle: {0} by {1}")
    @MethodSource("whistleTable")
    void whistleStepsAreAllowedOnlyToTheirRoleAndLevel(String step, String actorName, Actor actor, boolean allowed,
            boolean expected) {
        assertThat(allowed).isEqualTo(expected);
    }

    @Test
    void aDepartmentThatDidNotReportInTimeIsMissed() {
        Instant respondBy = T0.plus(Duration.ofMinutes(30));
        assertThat(Whistle.state(respondBy, null, null, T0)).isEqualTo(Whistle.State.WAITING);
        assertThat(Whistle.state(respondBy, null, null, respondBy.plusSeconds(1))).isEqualTo(Whistle.State.MISSED);
        assertThat(Whistle.state(respondBy, respondBy, null, respondBy.plusSeconds(60))).isEqualTo(Whistle.State.REPORTED);
        assertThat(Whistle.state(respondBy, respondBy.plusSeconds(1), null, respondBy.plusSeconds(60)))
                .isEqualTo(Whistle.State.REPORTED_LATE);
        assertThat(Whistle.state(respondBy, T0, T0.plusSeconds(600), T0.plusSeconds(900))).isEqualTo(Whistle.State.ACTED);
        assertThat(Whistle.onTime(respondBy, respondBy)).isTrue();
        assertThat(Whistle.onTime(respondBy, respondBy.plusSeconds(1))).isFalse();
        assertThat(Whistle.onTime(respondBy, null)).isFalse();
    }

    /** Walks an issue to the stage through the real transitions. */
    static Issue issueAt(Stage stage) {
        Issue i = new Issue(new Issue.Report(1L, Urgency.NORMAL, IssueSource.STAFF, "shed roof loose", null, null, 115.0, 37.5,
                10L, "/13/", null, null, null, null), STAFF, T0);
        i.file(TOWN_SUP, null, T0);
        if (stage == Stage.TOWN_FILED) {
            return i;
        }
        if (stage == Stage.TOWN_IN_PROGRESS) {
            i.dispatchToStaff(TOWN_SUP, 11L, "another staff", D, null, T0);
            i.accept(new Actor(11L, "another staff", Role.GRID_STAFF, null, true, CommandLevel.GRID), T0);
            return i;
        }
        i.escalate(TOWN_SUP, "beyond the town", T0);
        if (stage == Stage.ESCALATED) {
            return i;
        }
        i.fileAtCounty(COUNTY_SUP, null, T0);
        if (stage == Stage.COUNTY_FILED) {
            return i;
        }
        i.dispatchAtCounty(COUNTY_SUP, 100L, "住建局", "应急管理局", 5, D, null, T0);
        if (stage == Stage.COUNTY_DISPATCHED) {
            return i;
        }
        i.accept(COUNTY_LEAD, T0);
        if (stage == Stage.COUNTY_IN_PROGRESS) {
            return i;
        }
        i.reportHandled(COUNTY_LEAD, "roof removed", 8, T0);
        return i;
    }
}
