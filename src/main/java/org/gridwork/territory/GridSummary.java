package org.gridwork.territory;

/** A grid as other modules see it. */
public record GridSummary(long id, String code, String name, long villageId, String regionPath, GridStatus status) {

    /** Name and code, as lists and cards show a grid ("第1网格 130528001001-001"). */
    public String label() {
        return name + " " + code;
    }
}
