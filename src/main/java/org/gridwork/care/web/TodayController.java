package org.gridwork.care.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodayList;
import org.springframework.context.MessageSource;
import org.gridwork.shared.web.Html;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Grid staff's "today" ({@link TodayList}: what every module puts on it, in its order). */
@Controller
class TodayController {

    private final TodayList todayList;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final org.gridwork.shared.time.BusinessTime time;

    TodayController(TodayList todayList, CurrentUsers currentUsers, MessageSource messages,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.todayList = todayList;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    /**
     * One line of the list as shown, written here as HTML (every text escaped): a staff member's
     * list runs to dozens of lines, and their template expressions were most of the page's time.
     */
    record TodayRow(TodayItem item, String css, String iconClass, String dueLabel, String dueCss, String kindLabel) {

        private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("MM-dd");

        static TodayRow of(TodayItem i, MessageSource messages, java.util.Locale locale) {
            String icon = switch (i.kind()) {
                case "VISIT" -> "bi bi-house-heart";
                case "ISSUE" -> "bi bi-exclamation-diamond";
                default -> "bi bi-list-check";
            };
            String due = i.due() == null ? "" : messages.getMessage(i.overdue() ? "care.today.overdueSince" : "care.today.dueOn",
                    new Object[] {DAY.format(i.due())}, locale);
            String base = "list-group-item list-group-item-action d-flex justify-content-between align-items-center gap-2 today-item";
            return new TodayRow(i, i.overdue() ? base + " border-start border-danger border-4" : base, icon, due,
                    i.overdue() ? "small text-danger fw-semibold" : "small",
                    messages.getMessage("today.kind." + i.kind(), null, locale));
        }

        String html(String contextPath) {
            return "<a class=\"" + css + "\" href=\"" + Html.text(contextPath + item.url()) + "\" data-kind=\"" + Html.text(item.kind())
                    + "\"><div class=\"min-w-0\"><div class=\"fw-semibold\"><i class=\"" + iconClass
                    + "\" aria-hidden=\"true\"></i> <span class=\"today-title\">" + Html.text(item.title()) + "</span></div>"
                    + "<div class=\"small text-muted text-truncate\">" + Html.text(item.detail()) + "</div></div>"
                    + "<div class=\"text-end flex-shrink-0\"><div class=\"" + dueCss + "\">" + Html.text(dueLabel) + "</div>"
                    + "<span class=\"badge text-bg-light border\">" + Html.text(kindLabel) + "</span></div></a>\n";
        }
    }

    @GetMapping("/today")
    String today(Model model, java.util.Locale locale, HttpServletRequest request) {
        long userId = currentUsers.require().id();
        List<TodayItem> items = todayList.itemsFor(userId);
        LocalDate today = time.today();
        model.addAttribute("items", items);
        StringBuilder rows = new StringBuilder();
        items.forEach(i -> rows.append(TodayRow.of(i, messages, locale).html(request.getContextPath())));
        model.addAttribute("rows", rows.toString());
        model.addAttribute("overdueCount", items.stream().filter(TodayItem::overdue).count());
        model.addAttribute("dueTodayCount", items.stream().filter(i -> !i.overdue() && today.equals(i.due())).count());
        model.addAttribute("visitCount", items.stream().filter(i -> "VISIT".equals(i.kind())).count());
        model.addAttribute("today", today);
        return "care/today";
    }
}
