package org.gridwork.issue;

/** Where a report came from. */
public enum IssueSource {
    STAFF, VISIT, SUPERVISOR, OPEN311, PUBLIC
}
