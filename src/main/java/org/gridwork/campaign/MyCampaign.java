package org.gridwork.campaign;

import java.time.LocalDate;

/** A launched campaign as a grid staff member sees it: counts over their own grids. */
public record MyCampaign(long id, String title, LocalDate dueDate, boolean overdue, Counts counts) {
}
