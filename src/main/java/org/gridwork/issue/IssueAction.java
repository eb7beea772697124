package org.gridwork.issue;

/** What a user may do to an issue; the issue page shows a form for each action allowed. */
public enum IssueAction {
    FILE, REJECT, DISPATCH, ACCEPT, RETURN, REPORT_HANDLED, VERIFY_CLOSE, REWORK,
    REQUEST_EXTENSION, APPROVE_EXTENSION, REFUSE_EXTENSION, REOPEN
}
