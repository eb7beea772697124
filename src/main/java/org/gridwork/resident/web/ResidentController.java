package org.gridwork.resident.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gridwork.resident.HouseholdView;
import org.gridwork.resident.Households;
import org.gridwork.resident.Relation;
import org.gridwork.resident.ResidentDetail;
import org.gridwork.resident.ResidentInvalid;
import org.gridwork.resident.ResidentPage;
import org.gridwork.resident.ResidentQuery;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentStatus;
import org.gridwork.resident.ResidentSummary;
import org.gridwork.resident.ResidentTags;
import org.gridwork.resident.TagSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.territory.AreaChoices;
import org.gridwork.territory.AreaFilter;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's screens: list and search, a resident's page, registering and editing, status, tags. */
@Controller
class ResidentController {

    /** Rows per page, as on the issue list: a phone screen or two; keyset paging goes on from there. */
    static final int PAGE_SIZE = 25;

    private final ResidentService residents;
    private final Households households;
    private final ResidentTags residentTags;
    private final Grids territoryGrids;
    private final AreaFilter areas;
    private final MessageSource messages;

    private final org.gridwork.shared.time.BusinessTime time;

    ResidentController(ResidentService residents, Households households, ResidentTags residentTags,
            Grids territoryGrids, AreaFilter areas,
            MessageSource messages, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.residents = residents;
        this.households = households;
        this.residentTags = residentTags;
        this.territoryGrids = territoryGrids;
        this.areas = areas;
        this.messages = messages;
    }

    @GetMapping("/residents")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(required = false) Long townId, @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) Long gridId, @RequestParam(required = false) ResidentStatus status,
            @RequestParam(defaultValue = "NAME") ResidentQuery.Sort sort, @RequestParam(required = false) String afterName,
            @RequestParam(required = false) Long afterId, Locale locale, HttpServletRequest request, Model model) {
        AreaChoices area = areas.choices(townId, villageId, gridId);
        ResidentQuery query = new ResidentQuery(q, blank(tag), gridId, area.areaId(), status, sort, afterName, afterId,
                PAGE_SIZE);
        ResidentPage page = residents.search(query);
        model.addAttribute("query", query);
        model.addAttribute("area", area);
        model.addAttribute("page", page);
        Map<String, TagSummary> tags = residentTags.tagsByCode();
        model.addAttribute("tags", tags);
        model.addAttribute("statuses", ResidentStatus.values());
        model.addAttribute("rows", ResidentTableRows.html(page.items(), area.gridNames(), tags, messages, locale,
                request.getContextPath(), time.today()));
        if (page.hasMore()) {
            ResidentSummary last = page.items().get(page.items().size() - 1);
            model.addAttribute("nextAfterName", last.name());
            model.addAttribute("nextAfterId", last.id());
        }
        model.addAttribute("firstPage", afterId == null);
        return "resident/list";
    }

    @GetMapping("/residents/new")
    String newForm(Model model) {
        List<GridSummary> grids = territoryGrids.gridsInScope();
        model.addAttribute("form", ResidentForm.empty(grids.size() == 1 ? grids.get(0).id() : null));
        return form(model, null);
    }

    @PostMapping("/residents")
    String create(@ModelAttribute("form") ResidentForm form, BindingResult errors,
            @RequestParam(required = false) String gridCode, Model model, RedirectAttributes flash) {
        pickedGrid(form, gridCode, model);
        if (errors.hasErrors()) { // a value that could not be read is refused, not replaced by a default
            return form(model, null);
        }
        try {
            long id = residents.register(form.draft());
            flash.addFlashAttribute("success", "resident.created");
            return "redirect:/residents/" + id;
        } catch (ResidentInvalid e) {
            reject(e, errors, model);
            return form(model, null);
        }
    }

    @GetMapping("/residents/{id}")
    String show(@PathVariable long id, Model model) {
        ResidentDetail d = residents.detail(id);
        model.addAttribute("resident", d);
        model.addAttribute("tags", residentTags.tagsByCode());
        model.addAttribute("gridName", gridName(d.summary().gridId()));
        model.addAttribute("phone", residents.phone(id).orElse(null));
        model.addAttribute("changes", residents.changes(id));
        model.addAttribute("household", d.summary().householdId() == null ? null
                : households.household(d.summary().householdId()));
        model.addAttribute("statuses", ResidentStatus.values());
        model.addAttribute("today", time.today());
        return "resident/show";
    }

    /** The full ID number, on purpose; answered as a fragment to htmx, or as the page with it shown. */
    @PostMapping("/residents/{id}/id-number")
    String revealIdNumber(@PathVariable long id, Model model) {
        String full = residents.revealIdNumber(id);
        show(id, model);
        model.addAttribute("fullIdNumber", full);
        return "resident/show";
    }

    @HxRequest
    @PostMapping("/residents/{id}/id-number")
    String revealIdNumberPart(@PathVariable long id, Model model) {
        model.addAttribute("fullIdNumber", residents.revealIdNumber(id));
        return "resident/show :: idNumber";
    }

    @GetMapping("/residents/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ResidentDetail d = residents.detail(id);
        model.addAttribute("form", ResidentForm.of(d, residents.phone(id).orElse("")));
        return form(model, d);
    }

    @PostMapping("/residents/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ResidentForm form, BindingResult errors,
            @RequestParam(required = false) String gridCode, Model model,
            RedirectAttributes flash) {
        pickedGrid(form, gridCode, model);
        ResidentDetail d = residents.detail(id);
        if (errors.hasErrors()) {
            return form(model, d);
        }
        try {
            residents.update(id, form.draft());
            flash.addFlashAttribute("success", "resident.updated");
            return "redirect:/residents/" + id;
        } catch (ResidentInvalid e) {
            reject(e, errors, model);
            return form(model, d);
        }
    }

    @PostMapping("/residents/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam ResidentStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            residents.changeStatus(id, status, date, reason);
            flash.addFlashAttribute("success", "resident.status.changed");
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/residents/" + id;
    }

    @PostMapping("/residents/{id}/tags")
    String setTags(@PathVariable long id, @RequestParam(required = false) List<String> tags, RedirectAttributes flash) {
        try {
            residents.setTags(id, tags == null ? java.util.Set.of() : new java.util.LinkedHashSet<>(tags));
            flash.addFlashAttribute("success", "resident.tags.changed");
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/residents/" + id;
    }

    @PostMapping("/residents/{id}/household")
    String startHousehold(@PathVariable long id) {
        return "redirect:/households/" + households.startHousehold(id);
    }

    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        HouseholdView household = households.household(id);
        model.addAttribute("household", household);
        model.addAttribute("gridName", gridName(household.gridId()));
        model.addAttribute("relations", Relation.values());
        return "resident/household";
    }

    @PostMapping("/households/{id}/members")
    String addMember(@PathVariable long id, @RequestParam String idNumber, @RequestParam Relation relation,
            RedirectAttributes flash) {
        try {
            households.addMember(id, idNumber, relation);
            flash.addFlashAttribute("success", "resident.household.memberAdded");
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args().length > 0 ? e.args()[0] : null);
        }
        return "redirect:/households/" + id;
    }

    private String form(Model model, ResidentDetail existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("grids", territoryGrids.gridsInScope());
        model.addAttribute("tags", residentTags.tags());
        model.addAttribute("registrations", org.gridwork.resident.Registration.values());
        return "resident/form";
    }

    private static void reject(ResidentInvalid e, BindingResult errors, Model model) {
        for (ResidentInvalid.Problem p : e.problems()) {
            errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
            if (p.messageKey().equals("resident.id.duplicateVisible")) {
                // a real link beside the message instead of a path printed as text
                model.addAttribute("duplicateResident", Map.of("id", p.args()[0], "name", p.args()[1]));
            }
        }
    }

    /** A grid picked by code (the area picker, when there are too many grids for a select). */
    private void pickedGrid(ResidentForm form, String gridCode, Model model) {
        if (form.getGridId() == null && gridCode != null && !gridCode.isBlank()) {
            territoryGrids.findGridByCode(gridCode.strip()).ifPresent(g -> form.setGridId(g.id()));
            model.addAttribute("gridCode", gridCode.strip());
        }
    }

    private String gridName(long gridId) {
        return territoryGrids.grid(gridId).label();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
