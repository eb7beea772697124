package org.gridwork.territory.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionSummary;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who looks after what: grid staff to grids, supervisors to region nodes, handlers to departments.
 * Data scope reads these assignments on every request, so a change applies at once.
 */
@Controller
@RequestMapping("/admin/territory/staff")
class StaffAssignmentController {

    private final Regions regions;
    private final Grids grids;
    private final StaffAssignments assignments;
    private final AccountService accounts;
    private final MessageSource messages;

    StaffAssignmentController(Regions regions, Grids grids, StaffAssignments assignments, AccountService accounts,
            MessageSource messages) {
        this.regions = regions;
        this.grids = grids;
        this.assignments = assignments;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String overview(Model model) {
        Map<UserSummary, java.util.List<GridSummary>> staff = new LinkedHashMap<>();
        for (UserSummary u : accounts.usersWithRole(Role.GRID_STAFF)) {
            staff.put(u, assignments.gridsOfStaff(u.id()));
        }
        Map<UserSummary, java.util.List<RegionSummary>> supervisors = new LinkedHashMap<>();
        for (UserSummary u : accounts.usersWithRole(Role.SUPERVISOR)) {
            supervisors.put(u, assignments.regionsOfSupervisor(u.id()));
        }
        model.addAttribute("staff", staff);
        model.addAttribute("supervisors", supervisors);
        model.addAttribute("handlers", accounts.usersWithRole(Role.HANDLER));
        model.addAttribute("departments", accounts.departments());
        return "territory/staff";
    }

    @PostMapping("/grid")
    String assignGrid(@RequestParam long userId, @RequestParam(defaultValue = "") String gridCode,
            RedirectAttributes redirect) {
        return grids.findGridByCode(gridCode.strip())
                .map(g -> run(redirect, "territory.staff.assigned", () -> assignments.assignStaff(g.id(), userId)))
                .orElseGet(() -> refuse(redirect, "territory.staff.error.gridCode", gridCode));
    }

    @PostMapping("/grid/remove")
    String unassignGrid(@RequestParam long userId, @RequestParam long gridId, RedirectAttributes redirect) {
        return run(redirect, "territory.staff.unassigned", () -> assignments.unassignStaff(gridId, userId));
    }

    @PostMapping("/region")
    String assignRegion(@RequestParam long userId, @RequestParam(defaultValue = "") String regionCode,
            RedirectAttributes redirect) {
        return regions.findRegionByCode(regionCode.strip())
                .map(r -> run(redirect, "territory.staff.assigned", () -> assignments.assignSupervisor(r.id(), userId)))
                .orElseGet(() -> refuse(redirect, "territory.staff.error.regionCode", regionCode));
    }

    @PostMapping("/region/remove")
    String unassignRegion(@RequestParam long userId, @RequestParam long regionId, RedirectAttributes redirect) {
        return run(redirect, "territory.staff.unassigned", () -> assignments.unassignSupervisor(regionId, userId));
    }

    @PostMapping("/department")
    String assignDepartment(@RequestParam long userId, @RequestParam(required = false) Long departmentId,
            RedirectAttributes redirect) {
        UserSummary user = accounts.findUser(userId).filter(u -> u.role() == Role.HANDLER)
                .orElseThrow(() -> new org.gridwork.shared.NotFoundException("handler", userId));
        return run(redirect, "territory.staff.departmentSaved", () -> accounts.assignDepartment(user.id(), departmentId));
    }

    private String run(RedirectAttributes redirect, String successKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("success", successKey);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", "territory.flash");
            redirect.addFlashAttribute("errorArgs", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/territory/staff";
    }

    private static String refuse(RedirectAttributes redirect, String key, String value) {
        redirect.addFlashAttribute("error", key);
        redirect.addFlashAttribute("errorArgs", value);
        return "redirect:/admin/territory/staff";
    }
}
