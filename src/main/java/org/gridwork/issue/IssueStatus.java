package org.gridwork.issue;

/** The states of the closed loop, DOMAIN.md section 5. */
public enum IssueStatus {
    REPORTED, FILED, REJECTED, DISPATCHED, IN_PROGRESS, HANDLED, CLOSED;

    /** Being handled: the handling deadline runs. */
    public boolean inHandling() {
        return this == DISPATCHED || this == IN_PROGRESS;
    }

    public boolean finished() {
        return this == CLOSED || this == REJECTED;
    }
}
