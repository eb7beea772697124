package org.gridwork.shared.today;

import java.util.List;

/**
 * Implemented by each module that puts work on the "today" screen (visits due, issues and tasks
 * assigned), so the screen's owner depends on no feature module.
 */
public interface TodaySource {

    /** Items for the given user (their id), due today or earlier, or open and assigned to them. */
    List<TodayItem> itemsFor(long userId);
}
