package org.gridwork.territory;

public enum GridStatus {
    ACTIVE, ARCHIVED
}
