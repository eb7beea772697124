package org.gridwork.campaign;

/**
 * The lists behind the progress figures. The figures come from the per-grid roll-up that triggers
 * keep with the same predicates (V87); tests compare every figure with the length of its list.
 */
public enum TargetFilter {
    ALL("true"),
    DONE("t.status = 'DONE'"),
    ATTEMPTED("t.status = 'ATTEMPTED'"),
    REFUSED("t.status = 'REFUSED'"),
    NOT_STARTED("t.status = 'NOT_STARTED'"),
    /** still to visit: not started or nobody home */
    PENDING("t.status in ('NOT_STARTED', 'ATTEMPTED')"),
    /** at least one answer marked as a problem */
    PROBLEM("t.problems > 0"),
    /** at least one issue raised from the target */
    ISSUE("t.issues > 0");

    final String sql;

    TargetFilter(String sql) {
        this.sql = sql;
    }

    public static TargetFilter parse(String value) {
        for (TargetFilter f : values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        return ALL;
    }
}
