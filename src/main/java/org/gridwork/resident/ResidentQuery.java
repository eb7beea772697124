package org.gridwork.resident;

/**
 * A search of the register. {@code q} is a partial name, or an exact ID or phone number;
 * {@code areaId} a town or village whose grids the search is limited to.
 * Paging is keyset (after the last name and id shown), so page 40,000 costs what page 1 costs.
 */
public record ResidentQuery(String q, String tag, Long gridId, Long areaId, ResidentStatus status, Sort sort,
        String afterName, Long afterId, int size) {

    /** Without an area (subtree) filter. */
    public ResidentQuery(String q, String tag, Long gridId, ResidentStatus status, Sort sort, String afterName,
            Long afterId, int size) {
        this(q, tag, gridId, null, status, sort, afterName, afterId, size);
    }

    public enum Sort { NAME, RECENT }

    public static ResidentQuery all() {
        return new ResidentQuery(null, null, null, null, Sort.NAME, null, null, 50);
    }

    public ResidentQuery next(ResidentSummary last) {
        return new ResidentQuery(q, tag, gridId, areaId, status, sort, last.name(), last.id(), size);
    }
}
