package org.gridwork.care.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodaySource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Grid staff's "today": everything any module puts on their list (visits due, issues, tasks),
 * overdue first, then by due date, oldest first.
 */
@Controller
class TodayController {

    static final Comparator<TodayItem> OLDEST_FIRST = Comparator
            .comparing((TodayItem i) -> !i.overdue())
            .thenComparing(TodayItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TodayItem::title);

    private final List<TodaySource> sources;
    private final CurrentUsers currentUsers;

    TodayController(List<TodaySource> sources, CurrentUsers currentUsers) {
        this.sources = sources;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/today")
    String today(Model model) {
        long userId = currentUsers.require().id();
        List<TodayItem> items = new ArrayList<>();
        sources.forEach(s -> items.addAll(s.itemsFor(userId)));
        items.sort(OLDEST_FIRST);
        LocalDate today = LocalDate.now();
        model.addAttribute("items", items);
        model.addAttribute("overdueCount", items.stream().filter(TodayItem::overdue).count());
        model.addAttribute("dueTodayCount", items.stream().filter(i -> !i.overdue() && today.equals(i.due())).count());
        model.addAttribute("visitCount", items.stream().filter(i -> "VISIT".equals(i.kind())).count());
        model.addAttribute("today", today);
        return "care/today";
    }
}
