package org.gridwork.visit.web;

import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.gridwork.shared.web.UploadedPhotos;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentSummary;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.visit.Condition;
import org.gridwork.visit.VisitDraft;
import org.gridwork.visit.VisitKind;
import org.gridwork.visit.VisitService;
import org.gridwork.visit.VisitView;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Logging a visit on a phone, a visit's page and its photos, and a resident's visit history. */
@Controller
class VisitController {

    private final VisitService visits;
    private final ResidentService residents;
    private final BusinessTime time;

    VisitController(VisitService visits, ResidentService residents, BusinessTime time) {
        this.visits = visits;
        this.residents = residents;
        this.time = time;
    }

    @GetMapping("/visits/new")
    String newForm(@RequestParam(required = false) Long residentId, @RequestParam(required = false) String q,
            Model model) {
        // without JavaScript the resident search is a plain GET of this page with q
        model.addAttribute("matches", residentId == null ? residents.pick(q, 15) : List.of());
        model.addAttribute("q", q);
        VisitForm form = new VisitForm();
        form.setResidentId(residentId);
        form.setVisitedOn(time.today());
        model.addAttribute("visitForm", form);
        return form(model, residentId == null ? null : residents.summary(residentId));
    }

    /** Residents of my grids matching what is typed (htmx, as the user types). */
    @GetMapping("/visits/residents")
    String pick(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("matches", residents.pick(q, 15));
        model.addAttribute("q", q);
        return "visit/form :: matches";
    }

    @PostMapping("/visits")
    String log(@Valid @ModelAttribute("visitForm") VisitForm form, BindingResult errors,
            @RequestParam(value = "photos", required = false) List<MultipartFile> photos, Model model) {
        ResidentSummary resident = form.getResidentId() == null ? null : residents.summary(form.getResidentId());
        if (resident == null) {
            errors.rejectValue("residentId", "visit.resident.required");
            return form(model, null);
        }
        if (errors.hasErrors()) {
            // a value that could not be read (a date 2026-13-45, an unknown kind, a longitude "abc"):
            // refused with a message next to the field, never replaced by a default
            return form(model, resident);
        }
        try {
            long id = visits.log(new VisitDraft(form.getToken(), resident.id(), form.getVisitedOn(), form.getKind(),
                    form.getFindings(), form.getCondition(), form.getNeeds(), form.getLongitude(), form.getLatitude(),
                    form.getAccuracy(), UploadedPhotos.bytes(photos)));
            // the notice rides on the URL, not in the session: logging a visit writes nothing there
            return "redirect:/visits/" + id + "?logged";
        } catch (BusinessRuleException e) { // also a refused photo
            errors.reject(e.messageKey(), e.args(), e.messageKey());
        }
        return form(model, resident);
    }

    @GetMapping("/visits/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String logged, Model model) {
        VisitView v = visits.visit(id);
        ResidentSummary resident = residents.summary(v.residentId());
        model.addAttribute("visit", v);
        model.addAttribute("resident", resident);
        if (logged != null) {
            model.addAttribute("success", "visit.logged");
            model.addAttribute("successArgs", resident.name());
        }
        return "visit/show";
    }

    @GetMapping("/visits/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable UUID photoId,
            @RequestParam(defaultValue = "false") boolean thumb) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .body(visits.photo(id, photoId, thumb));
    }

    /** The visits part of a resident's page (htmx), or a page of its own. */
    @GetMapping("/residents/{id}/visits")
    String history(@PathVariable long id, Model model) {
        historyModel(id, model);
        return "visit/history";
    }

    @HxRequest
    @GetMapping("/residents/{id}/visits")
    String historyPart(@PathVariable long id, Model model) {
        historyModel(id, model);
        return "visit/history :: history";
    }

    private void historyModel(long id, Model model) {
        model.addAttribute("resident", residents.summary(id));
        model.addAttribute("visits", visits.visitsOf(id));
    }

    private String form(Model model, ResidentSummary resident) {
        model.addAttribute("resident", resident);
        model.addAttribute("kinds", VisitKind.values());
        model.addAttribute("conditions", Condition.values());
        // the latest date a visit can have: today in business time, whatever the server's zone
        model.addAttribute("today", time.today());
        return "visit/form";
    }

}
