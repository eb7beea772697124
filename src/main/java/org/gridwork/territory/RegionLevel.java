package org.gridwork.territory;

/** Administrative levels above the grid, with the length of their short statistical code. */
public enum RegionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWN(9), VILLAGE(12);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }
}
