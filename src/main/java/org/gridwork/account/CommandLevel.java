package org.gridwork.account;

/**
 * The levels of the chain of command (DOMAIN.md section 10): county centre (县综治中心), town
 * centre (乡镇综治中心), village and grid. A supervisor's level follows from the region they are
 * assigned to; a department's is set by the admin (county bureaus, town offices).
 */
public enum CommandLevel {
    COUNTY, TOWN, VILLAGE, GRID;

    /** True when this level lies above the other (COUNTY above TOWN above VILLAGE above GRID). */
    public boolean above(CommandLevel other) {
        return other != null && ordinal() < other.ordinal();
    }
}
