package org.gridwork.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.UserSummary;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentSummary;
import org.gridwork.resident.ResidentTags;
import org.gridwork.resident.TagSummary;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodaySource;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridDirectory;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Puts the visits a staff member owes (due today or overdue) on their "today" screen. */
@Component
class VisitsDueToday implements TodaySource {

    private final CareService care;
    private final ResidentService residents;
    private final ResidentTags residentTags;
    private final AccountService accounts;
    private final DataScope dataScope;
    private final Grids grids;
    private final CurrentUsers currentUsers;
    private final GridDirectory directory;
    private final org.gridwork.shared.time.BusinessTime time;

    VisitsDueToday(CareService care, ResidentService residents, ResidentTags residentTags, AccountService accounts,
            DataScope dataScope,
            Grids grids, CurrentUsers currentUsers, GridDirectory directory,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.directory = directory;
        this.currentUsers = currentUsers;
        this.care = care;
        this.residents = residents;
        this.residentTags = residentTags;
        this.accounts = accounts;
        this.dataScope = dataScope;
        this.grids = grids;
    }

    @Override
    public List<TodayItem> itemsFor(long userId) {
        GridScope scope;
        if (currentUsers.current().map(me -> me.id() == userId).orElse(false)) {
            scope = dataScope.current(); // the usual case: worked out once for the whole request
        } else {
            UserSummary u = accounts.findUser(userId).orElse(null);
            if (u == null) {
                return List.of();
            }
            scope = dataScope.of(new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId()));
        }
        if (scope.isEmpty() || scope.unrestricted()) {
            return List.of(); // admins owe no visits; the coverage page shows theirs
        }
        LocalDate today = time.today();
        List<DueVisit> due = care.due(scope, today, userId, null, 500);
        Map<Long, ResidentSummary> people = residents.summaries(due.stream().map(DueVisit::residentId).toList());
        Map<String, TagSummary> tags = residentTags.tagsByCode();
        Map<Long, String> gridNames = grids.gridsInScope().stream()
                .collect(Collectors.toMap(GridSummary::id, directory::placeName));
        Locale locale = LocaleContextHolder.getLocale();
        return due.stream().filter(d -> people.containsKey(d.residentId())).map(d -> {
            ResidentSummary r = people.get(d.residentId());
            String detail = d.tags().stream().map(t -> tags.containsKey(t) ? tags.get(t).name(locale) : t)
                    .collect(Collectors.joining(" · "));
            String grid = gridNames.get(d.gridId());
            return new TodayItem("VISIT", r.name(), grid == null ? detail : detail + " · " + grid, d.due(),
                    d.overdue(today), "/visits/new?residentId=" + r.id());
        }).toList();
    }
}
