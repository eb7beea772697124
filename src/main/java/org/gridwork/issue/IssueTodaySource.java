package org.gridwork.issue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodaySource;
import org.gridwork.territory.GridDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Issues assigned to the user and being handled, for the "today" screen, by deadline. */
@Component
class IssueTodaySource implements TodaySource {

    private final IssueQueries queries;
    private final CategoryService categories;
    private final GridDirectory grids;
    private final ZoneId zone;
    private final org.gridwork.shared.time.BusinessTime time;

    IssueTodaySource(IssueQueries queries, CategoryService categories, GridDirectory grids,
            org.gridwork.shared.time.BusinessTime time) {
        this.queries = queries;
        this.categories = categories;
        this.grids = grids;
        this.zone = time.zone();
        this.time = time;
    }

    @Override
    public List<TodayItem> itemsFor(long userId) {
        Instant now = time.now();
        java.util.Locale locale = LocaleContextHolder.getLocale();
        // the category in the reader's language and the grid as visits show it: by name, with its village
        return queries.assignedTo(userId).stream().map(r -> new TodayItem("ISSUE", r.description(),
                categories.get(r.categoryId()).name(locale) + " · " + grids.placeName(r.gridCode()),
                r.deadline() == null ? null : r.deadline().atZone(zone).toLocalDate(),
                r.overdue() || (r.deadline() != null && r.deadline().isBefore(now)), "/issues/" + r.id())).toList();
    }
}
