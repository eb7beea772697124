package org.gridwork.shared.today;

import java.time.LocalDate;

/**
 * One line of a grid staff member's "today" screen: a visit due, an issue or a task assigned.
 *
 * @param kind       VISIT, ISSUE or TASK (also the message key suffix {@code today.kind.<kind>})
 * @param title      what it is about (a resident's name, an issue's title, ...), already readable
 * @param detail     a second line (grid, category, ...); may be empty
 * @param due        the date it is due; null when it has no deadline
 * @param overdue    past its due date or deadline
 * @param url        where one tap takes the user (log the visit, open the issue, ...)
 */
public record TodayItem(String kind, String title, String detail, LocalDate due, boolean overdue, String url) {
}
