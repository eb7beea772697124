package org.gridwork.care.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.gridwork.care.CareService;
import org.gridwork.care.DueVisit;
import org.gridwork.care.GridCoverage;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentTags;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Care plans on a resident's page, editing a plan, and the supervisor's visit coverage. */
@Controller
class CareController {

    private final CareService care;
    private final ResidentService residents;
    private final ResidentTags residentTags;
    private final Regions regions;
    private final Grids grids;
    private final AccountService accounts;

    CareController(CareService care, ResidentService residents, ResidentTags residentTags, Regions regions,
            Grids grids, AccountService accounts) {
        this.care = care;
        this.residents = residents;
        this.residentTags = residentTags;
        this.regions = regions;
        this.grids = grids;
        this.accounts = accounts;
    }

    /** The care plans part of a resident's page (htmx), or a page of its own without JavaScript. */
    @GetMapping("/residents/{id}/care")
    String plans(@PathVariable long id, Model model) {
        plansModel(id, model);
        return "care/plans";
    }

    @HxRequest
    @GetMapping("/residents/{id}/care")
    String plansPart(@PathVariable long id, Model model) {
        plansModel(id, model);
        return "care/plans :: plans";
    }

    private void plansModel(long id, Model model) {
        model.addAttribute("resident", residents.summary(id));
        model.addAttribute("plans", care.plansOf(id));
        model.addAttribute("tags", residentTags.tagsByCode());
        model.addAttribute("staff", accounts.usersWithRole(Role.GRID_STAFF));
        model.addAttribute("staffNames", accounts.usersWithRole(Role.GRID_STAFF).stream()
                .collect(java.util.stream.Collectors.toMap(UserSummary::id, UserSummary::displayName)));
    }

    @PostMapping("/care/plans/{id}")
    String updatePlan(@PathVariable long id, @RequestParam(required = false) Long responsibleUserId,
            @RequestParam int intervalDays, @RequestParam(required = false) String helpKind,
            @RequestParam(required = false) String notes, RedirectAttributes flash) {
        long residentId = care.plan(id).residentId();
        try {
            care.updatePlan(id, responsibleUserId, intervalDays, helpKind, notes);
            flash.addFlashAttribute("success", "care.plan.saved");
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/residents/" + residentId;
    }

    @GetMapping("/care/coverage")
    String coverage(@RequestParam(required = false) String region, Model model) {
        String code = region == null || region.isBlank() ? null : region.strip();
        List<GridCoverage> grids = care.coverage(code); // 404 for a region unknown or out of reach
        if (code != null) {
            model.addAttribute("region", regions.findRegionByCode(code).orElseThrow());
        }
        int people = grids.stream().mapToInt(GridCoverage::people).sum();
        int overdue = grids.stream().mapToInt(GridCoverage::overdue).sum();
        model.addAttribute("grids", grids);
        model.addAttribute("total", new GridCoverage(0, "", "", people, overdue));
        return "care/coverage";
    }

    /** The overdue people behind one grid's coverage figure (404 outside scope). */
    @GetMapping("/care/coverage/{gridId}")
    String overdue(@PathVariable long gridId, Model model) {
        List<DueVisit> overdue = care.overdueIn(gridId);
        model.addAttribute("grid", grids.grid(gridId));
        model.addAttribute("overdue", overdue);
        model.addAttribute("people", care.residentsOf(overdue));
        model.addAttribute("tags", residentTags.tagsByCode());
        return "care/overdue";
    }

}
