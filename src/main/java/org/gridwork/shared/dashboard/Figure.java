package org.gridwork.shared.dashboard;

/**
 * The figures of the supervisor's dashboard (指挥看板) and monthly report. Each is contributed per
 * grid by the module that owns its data ({@link DashboardFigures}); the dashboard adds them up the
 * region tree as numerator / denominator, so a rate of a town is the rate over all its grids, not
 * an average of the grids' rates. Definitions shown to readers are in the dashboard's bundle
 * ({@code dashboard.figure.<NAME>.definition}).
 */
public enum Figure {

    /** Issues not closed nor rejected, dimension = status (REPORTED, FILED, ...). Now. */
    ISSUES_OPEN(Kind.COUNT, false, "ISSUES"),
    /** Open issues past their (possibly extended) handling deadline. Now. */
    ISSUES_OVERDUE(Kind.COUNT, false, "ISSUES"),
    /** Issues closed in the month: numerator = handled by their deadline (approved extensions count), denominator = closed. */
    ISSUES_ON_TIME(Kind.RATE, true, "ISSUES"),
    /** Issues closed in the month: numerator = hours from report to closing summed, denominator = closed. */
    ISSUES_CLOSE_HOURS(Kind.AVERAGE, true, "ISSUES"),
    /** Issues reported in the month, dimension = category (major class) name. */
    ISSUES_BY_CATEGORY(Kind.COUNT, true, "ISSUES"),
    /** Issues reported per week over the last 12 weeks, dimension = ISO date of the week's Monday. Now. */
    ISSUES_WEEKLY_REPORTED(Kind.COUNT, false, "ISSUES"),
    /** Issues closed per week over the last 12 weeks, dimension = ISO date of the week's Monday. Now. */
    ISSUES_WEEKLY_CLOSED(Kind.COUNT, false, "ISSUES"),
    /** Residents' ratings given in the month: numerator = 满意 or 基本满意, denominator = all ratings (issue 19). */
    PUBLIC_SATISFACTION(Kind.RATE, true, "ISSUES"),
    /** Residents of special groups with a care plan: numerator = visit not overdue, denominator = all. Now. */
    CARE_COVERAGE(Kind.RATE, false, "CARE"),
    /** Task assignments not done. Now. */
    TASKS_OPEN(Kind.COUNT, false, "TASKS"),
    /** Task assignments not done and past their due date. Now. */
    TASKS_OVERDUE(Kind.COUNT, false, "TASKS"),
    /** Issues escalated to the county centre and not closed nor rejected, by the issue's grid (issue 21). Now. */
    ISSUES_AT_COUNTY(Kind.COUNT, false, "CHAIN"),
    /** Issues handled at the county and closed (verified by the town) in the month (issue 21). */
    ISSUES_HANDLED_AT_COUNTY(Kind.COUNT, true, "CHAIN"),
    /** Whistle calls of the month: numerator = departments that reported in time, denominator = those due (issue 21). */
    WHISTLE_RESPONSE(Kind.RATE, true, "CHAIN"),
    /** Whistle calls of the month: departments that did not report in time (issue 21). */
    WHISTLE_MISSED(Kind.COUNT, true, "CHAIN"),
    /** Work outside the 准入清单 given in the month, counted per grid staff member concerned (issue 21). */
    TASKS_OUTSIDE_LIST(Kind.COUNT, true, "CHAIN"),
    /** Targets of running campaigns still to visit: not started or nobody home (issue 20). Now. */
    CAMPAIGN_PENDING(Kind.COUNT, false, "CAMPAIGNS");

    /** How numerator and denominator make the value shown. */
    public enum Kind {
        /** the numerator is the value */
        COUNT,
        /** numerator / denominator as a percentage */
        RATE,
        /** numerator / denominator */
        AVERAGE
    }

    private final Kind kind;
    private final boolean monthly;
    private final String table;

    Figure(Kind kind, boolean monthly, String table) {
        this.kind = kind;
        this.monthly = monthly;
        this.table = table;
    }

    public Kind kind() {
        return kind;
    }

    /** True for figures of a calendar month; false for figures of the present state. */
    public boolean monthly() {
        return monthly;
    }

    /** The monthly report's sheet this figure belongs to. */
    public String table() {
        return table;
    }
}
