package org.gridwork.home;

import java.util.List;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodayList;
import org.gridwork.shared.web.AdminAlertSource;
import org.gridwork.shared.web.LayoutNavigation;
import org.gridwork.territory.Grids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role's start page: what the role does, as shortcuts, and for grid staff their grids. */
@Controller
class HomeController {

    private final CurrentUsers currentUsers;
    private final Grids grids;
    private final TodayList todayList;
    private final List<AdminAlertSource> adminAlerts;

    HomeController(CurrentUsers currentUsers, Grids grids, TodayList todayList,
            List<AdminAlertSource> adminAlerts) {
        this.currentUsers = currentUsers;
        this.grids = grids;
        this.todayList = todayList;
        this.adminAlerts = adminAlerts;
    }

    @GetMapping("/")
    String home(Model model) {
        // filled for the current role by the layout advice before this handler runs
        LayoutNavigation navigation = (LayoutNavigation) model.getAttribute("nav");
        CurrentUser user = currentUsers.require();
        model.addAttribute("user", user);
        model.addAttribute("role", user.role().name());
        model.addAttribute("shortcuts", navigation.all().stream().filter(i -> !i.path().equals("/")).toList());
        if (user.is(Role.ADMIN)) {
            model.addAttribute("alerts", adminAlerts.stream().flatMap(a -> a.adminAlerts().stream()).toList());
        }
        if (user.is(Role.GRID_STAFF)) {
            model.addAttribute("grids", grids.gridsInScope());
            // grid staff start their day here: how much is waiting on "today"
            List<TodayItem> today = todayList.unordered(user.id());
            model.addAttribute("todayCount", today.size());
            model.addAttribute("todayOverdue", today.stream().filter(TodayItem::overdue).count());
        }
        return "home/index";
    }
}
