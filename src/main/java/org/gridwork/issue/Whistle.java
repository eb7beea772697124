package org.gridwork.issue;

import java.time.Instant;
import java.util.Objects;

import org.gridwork.account.Role;

/**
 * 吹哨报到: the rules of a whistle call and of each called department's answer, on plain values
 * so that they are tested per role and level without a database. The town blows the whistle on
 * an open issue; each called county department reports (报到) and later records what it did. A
 * department that has not reported by the deadline shows on the county dashboard as missed.
 */
final class Whistle {

    private Whistle() {
    }

    /** Where one department's answer stands. */
    enum State {
        /** called, not yet reported, deadline still ahead */
        WAITING,
        /** not reported by the deadline (it may still report, late) */
        MISSED,
        /** reported in time, action still to come */
        REPORTED,
        /** reported after the deadline */
        REPORTED_LATE,
        /** reported and recorded its action */
        ACTED
    }

    /** A town desk (town or village supervisor with the grid in scope, or an admin) on an issue still open. */
    static boolean mayCall(Actor a, IssueStatus status) {
        return !status.finished() && a.townDesk();
    }

    /** A handler of the called department, once. */
    static boolean mayAcknowledge(Actor a, long departmentId, Instant acknowledgedAt) {
        return a.role() == Role.HANDLER && Objects.equals(a.departmentId(), departmentId) && acknowledgedAt == null;
    }

    /** A handler of the called department, after reporting, once. */
    static boolean mayRecordAction(Actor a, long departmentId, Instant acknowledgedAt, Instant actionAt) {
        return a.role() == Role.HANDLER && Objects.equals(a.departmentId(), departmentId) && acknowledgedAt != null
                && actionAt == null;
    }

    static State state(Instant respondBy, Instant acknowledgedAt, Instant actionAt, Instant now) {
        if (acknowledgedAt == null) {
            return now.isAfter(respondBy) ? State.MISSED : State.WAITING;
        }
        if (actionAt != null) {
            return State.ACTED;
        }
        return acknowledgedAt.isAfter(respondBy) ? State.REPORTED_LATE : State.REPORTED;
    }

    /** Reported in time: what the response rate counts. */
    static boolean onTime(Instant respondBy, Instant acknowledgedAt) {
        return acknowledgedAt != null && !acknowledgedAt.isAfter(respondBy);
    }
}
