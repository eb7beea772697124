package org.gridwork.territory.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.territory.Boundaries;
import org.gridwork.territory.BoundaryCheck;
import org.gridwork.territory.BoundaryImportReport;
import org.gridwork.territory.GridDetails;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.RegionSummary;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create, describe and archive grids, draw or import their boundaries and assign their staff. */
@Controller
@RequestMapping("/admin/territory")
class AdminGridController {

    private final Regions regions;
    private final Grids grids;
    private final StaffAssignments assignments;
    private final Boundaries boundaries;
    private final MessageSource messages;

    private final org.gridwork.shared.time.BusinessTime time;

    AdminGridController(Regions regions, Grids grids, StaffAssignments assignments, Boundaries boundaries,
            MessageSource messages, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.regions = regions;
        this.grids = grids;
        this.assignments = assignments;
        this.boundaries = boundaries;
        this.messages = messages;
    }

    @GetMapping("/villages/{villageId}/grids/new")
    String newGrid(@PathVariable long villageId, Model model) {
        RegionSummary village = village(villageId);
        model.addAttribute("gridForm", new GridForm(grids.proposeGridCode(villageId), "", "", 0));
        return gridForm(model, village, null);
    }

    @PostMapping("/villages/{villageId}/grids/new")
    String createGrid(@PathVariable long villageId, @Valid @ModelAttribute GridForm gridForm, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        RegionSummary village = village(villageId);
        if (errors.hasErrors()) {
            return gridForm(model, village, null);
        }
        try {
            GridSummary grid = grids.createGrid(villageId, gridForm.code().strip(), gridForm.name(), gridForm.description());
            redirect.addFlashAttribute("success", "territory.grid.created");
            redirect.addFlashAttribute("successArgs", grid.code());
            return "redirect:/admin/territory/grids/" + grid.id() + "/boundary";
        } catch (BusinessRuleException e) {
            errors.rejectValue("code", e.messageKey(), e.args(), e.messageKey());
            return gridForm(model, village, null);
        }
    }

    @GetMapping("/grids/{id}/edit")
    String editGrid(@PathVariable long id, Model model) {
        GridDetails d = grids.gridDetails(id);
        model.addAttribute("gridForm", new GridForm(d.grid().code(), d.grid().name(), d.description(), d.version()));
        return gridForm(model, d.village(), d);
    }

    @PostMapping("/grids/{id}/edit")
    String describeGrid(@PathVariable long id, @Valid @ModelAttribute GridForm gridForm, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        GridDetails d = grids.gridDetails(id);
        if (errors.hasErrors()) {
            return gridForm(model, d.village(), d);
        }
        grids.describeGrid(id, gridForm.name(), gridForm.description(), gridForm.version());
        redirect.addFlashAttribute("success", "territory.grid.saved");
        redirect.addFlashAttribute("successArgs", d.grid().code());
        return "redirect:/territory/grids/" + id;
    }

    private String gridForm(Model model, RegionSummary village, GridDetails existing) {
        model.addAttribute("village", village);
        model.addAttribute("existing", existing);
        return "territory/grid-form";
    }

    @PostMapping("/grids/{id}/archive")
    String archive(@PathVariable long id, @RequestParam(required = false) String confirm, Model model,
            RedirectAttributes redirect) {
        GridDetails d = grids.gridDetails(id);
        try {
            // what would lose the grid is shown first, as for a boundary save; archived on confirmation only
            org.gridwork.territory.MovePreview moves = grids.archiveGrid(id, confirm);
            if (moves != null) {
                model.addAttribute("details", d);
                model.addAttribute("moves", moves);
                model.addAttribute("stale", confirm != null && !confirm.isBlank());
                return "territory/archive-preview";
            }
            redirect.addFlashAttribute("success", "territory.grid.archived");
            redirect.addFlashAttribute("successArgs", d.grid().code());
            return "redirect:/territory?region=" + d.village().id();
        } catch (BusinessRuleException e) {
            // the layout's flash takes one argument: pass the whole sentence through territory.flash
            redirect.addFlashAttribute("error", "territory.flash");
            redirect.addFlashAttribute("errorArgs", messages.getMessage(e.messageKey(), resolveArgs(e.args()),
                    LocaleContextHolder.getLocale()));
            return "redirect:/territory/grids/" + id;
        }
    }

    @GetMapping("/grids/{id}/boundary")
    String boundaryEditor(@PathVariable long id, Model model) {
        GridDetails d = grids.gridDetails(id);
        model.addAttribute("boundary", d.boundaryGeojson() == null ? "" : d.boundaryGeojson());
        return editor(model, d);
    }

    @PostMapping("/grids/{id}/boundary")
    String saveBoundary(@PathVariable long id, @RequestParam(defaultValue = "") String boundary,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String confirm, Model model,
            RedirectAttributes redirect) throws IOException {
        GridDetails d = grids.gridDetails(id);
        String geojson = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : boundary;
        model.addAttribute("boundary", geojson);
        if (geojson.isBlank()) {
            model.addAttribute("problem", new BoundaryCheck.Finding("territory.boundary.error.none", d.grid().code()));
            return editor(model, d);
        }
        Boundaries.BoundaryProposal proposal;
        try {
            // nothing is written while the boundary would move someone and the admin has not
            // confirmed exactly these moves for exactly this boundary
            proposal = boundaries.proposeBoundary(id, geojson, confirm);
        } catch (BusinessRuleException e) {
            model.addAttribute("problem", new BoundaryCheck.Finding(e.messageKey(), e.args()));
            return editor(model, d);
        }
        BoundaryCheck check = proposal.check();
        if (!check.ok()) {
            model.addAttribute("check", check);
            return editor(model, d);
        }
        if (proposal.moves() != null) {
            model.addAttribute("boundary", proposal.geojson());
            model.addAttribute("moves", proposal.moves());
            model.addAttribute("stale", confirm != null && !confirm.isBlank());
            return editor(model, d);
        }
        redirect.addFlashAttribute("success", "territory.boundary.saved");
        redirect.addFlashAttribute("successArgs", d.grid().code());
        redirect.addFlashAttribute("warnings", resolve(check.warnings()));
        return "redirect:/territory/grids/" + id;
    }

    @GetMapping(value = "/grids/{id}/neighbours.json", produces = "application/geo+json")
    @ResponseBody
    String neighbours(@PathVariable long id) {
        return boundaries.villageNeighbours(id);
    }

    @GetMapping(value = "/grids/{id}/village.json", produces = "application/geo+json")
    @ResponseBody
    String villageBoundary(@PathVariable long id) {
        String boundary = boundaries.villageBoundary(grids.grid(id).villageId());
        return boundary == null ? "null" : boundary;
    }

    private String editor(Model model, GridDetails d) {
        model.addAttribute("details", d);
        return "territory/boundary";
    }

    /** Residents, households and open issues a boundary change left outside every grid. */
    @GetMapping("/unplaced")
    String unplaced(Model model) {
        model.addAttribute("things", boundaries.unplaced());
        model.addAttribute("zone", time.zone());
        return "territory/unplaced";
    }

    @GetMapping("/boundaries/import")
    String importForm() {
        return "territory/boundary-import";
    }

    @PostMapping("/boundaries/import")
    String importBoundaries(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String text, @RequestParam(required = false) String confirm, Model model)
            throws IOException {
        boolean confirming = text != null && !text.isBlank() && confirm != null;
        if (!confirming && (file == null || file.isEmpty())) {
            model.addAttribute("fileError", file != null && !file.getOriginalFilename().isBlank()
                    ? "territory.import.emptyFile" : "territory.import.chooseFile");
            return "territory/boundary-import";
        }
        try {
            String content = confirming ? text : new String(file.getBytes(), StandardCharsets.UTF_8);
            BoundaryImportReport report = boundaries.importBoundaries(content, confirming ? confirm : null);
            model.addAttribute("report", report);
            model.addAttribute("text", content);
            model.addAttribute("stale", confirming && report.awaitsConfirmation());
        } catch (BusinessRuleException e) {
            model.addAttribute("problem", new BoundaryCheck.Finding(e.messageKey(), e.args()));
        }
        return "territory/boundary-import";
    }

    @PostMapping("/grids/{id}/staff")
    String addStaff(@PathVariable long id, @RequestParam(required = false) Long userId, RedirectAttributes redirect) {
        grids.gridDetails(id);
        if (userId != null) {
            assignments.assignStaff(id, userId);
            redirect.addFlashAttribute("success", "territory.staff.assigned");
        }
        return "redirect:/territory/grids/" + id + "#staff";
    }

    @PostMapping("/grids/{id}/staff/{userId}/remove")
    String removeStaff(@PathVariable long id, @PathVariable long userId, RedirectAttributes redirect) {
        grids.gridDetails(id);
        assignments.unassignStaff(id, userId);
        redirect.addFlashAttribute("success", "territory.staff.unassigned");
        return "redirect:/territory/grids/" + id + "#staff";
    }

    private RegionSummary village(long villageId) {
        RegionSummary village = regions.region(villageId);
        if (village.level() != RegionLevel.VILLAGE) {
            throw new org.gridwork.shared.NotFoundException("village", villageId);
        }
        return village;
    }

    /** Warnings survive the redirect as text: flash attributes must be serialisable. */
    private List<String> resolve(List<BoundaryCheck.Finding> findings) {
        return findings.stream().map(f -> messages.getMessage(f.messageKey(), resolveArgs(f.args()),
                LocaleContextHolder.getLocale())).toList();
    }

    /** Arguments that are message keys themselves (what blocks archiving) are translated first. */
    private Object[] resolveArgs(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String s && s.contains(".") && !s.matches("[\\d.,\\s-]+")) {
                out[i] = messages.getMessage(s, null, s, LocaleContextHolder.getLocale());
            }
        }
        return out;
    }
}
