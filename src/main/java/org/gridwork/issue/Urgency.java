package org.gridwork.issue;

public enum Urgency {
    NORMAL, URGENT
}
