package org.gridwork.issue;

/** What a user may do to an issue; the issue page shows a form for each action allowed. */
public enum IssueAction {
    FILE, REJECT, DISPATCH, ACCEPT, RETURN, REPORT_HANDLED, VERIFY_CLOSE, REWORK,
    REQUEST_EXTENSION, APPROVE_EXTENSION, REFUSE_EXTENSION, REOPEN,
    /** 上报 to the county centre (issue 21), then the county's 受理 or 退回乡镇. */
    ESCALATE, FILE_AT_COUNTY, DECLINE_ESCALATION
}
