package org.gridwork.account;

/** A department with its level (county bureau or town office) and the region it serves (by id, may be null). */
public record DepartmentSummary(long id, String code, String name, boolean active, CommandLevel level, Long regionId) {

    public boolean county() {
        return level == CommandLevel.COUNTY;
    }
}
