package org.gridwork.issue;

public enum LimitUnit {
    HOURS, DAYS
}
