package org.gridwork.issue.web;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridwork.shared.web.UploadedPhotos;
import org.gridwork.issue.PublicReports;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.territory.GridLocator;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's pages, without login (群众随手拍): report a problem, follow it by its tracking
 * code, rate the outcome. Built for a 360 px phone; Chinese first like every page.
 */
@Controller
class PublicReportController {

    /** The device cookie the per-device limit counts by (random, nothing else in it). */
    static final String DEVICE_COOKIE = "gw_device";

    private final PublicReports reports;
    private final GridLocator locator;
    private final String tileUrl;
    private final String tileAttribution;
    private final ZoneId zone;

    PublicReportController(PublicReports reports, GridLocator locator,
            org.gridwork.shared.web.MapTiles tiles, org.gridwork.shared.time.BusinessTime time) {
        this.reports = reports;
        this.locator = locator;
        this.tileUrl = tiles.tileUrl();
        this.tileAttribution = tiles.tileAttribution();
        // the business zone (gridwork.time-zone), not the old gridwork.calendar.zone read on its own
        this.zone = time.zone();
    }

    /** The form's fields, kept when the report is refused so that nothing has to be typed again. */
    public static class PublicForm {
        private Long categoryId;
        private String description;
        private Double longitude;
        private Double latitude;
        private String name;
        private String phone;
        private String website; // the honeypot: hidden from people, filled by robots
        private boolean notDuplicate;

        public Long getCategoryId() { return categoryId; }
        public void setCategoryId(Long v) { categoryId = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public Double getLongitude() { return longitude; }
        public void setLongitude(Double v) { longitude = v; }
        public Double getLatitude() { return latitude; }
        public void setLatitude(Double v) { latitude = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getWebsite() { return website; }
        public void setWebsite(String v) { website = v; }
        public boolean isNotDuplicate() { return notDuplicate; }
        public void setNotDuplicate(boolean v) { notDuplicate = v; }
    }

    @GetMapping("/public/report")
    String form(Model model) {
        model.addAttribute("form", new PublicForm());
        return formView(model);
    }

    @PostMapping("/public/report")
    String report(@ModelAttribute("form") PublicForm form, BindingResult errors,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String deviceId = device != null && device.matches("[0-9a-f-]{36}") ? device : newDevice(response);
        if (errors.hasErrors()) { // a category or a position that cannot be read: said next to the field
            return formView(model);
        }
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            // a robot filled the hidden field: answer as if refused, file nothing
            model.addAttribute("refusal", "public.error.refused");
            model.addAttribute("form", form);
            return formView(model);
        }
        try {
            String code = reports.report(new PublicReports.Report(form.getCategoryId(), form.getDescription(),
                    form.getLongitude(), form.getLatitude(), form.getName(), form.getPhone(), UploadedPhotos.bytes(photos),
                    request.getRemoteAddr(), deviceId, form.isNotDuplicate()));
            redirect.addFlashAttribute("newCode", code);
            return "redirect:/public/track/" + code;
        } catch (PublicReports.DuplicateFound d) {
            model.addAttribute("duplicate", true);
            model.addAttribute("duplicateCode", d.trackingCode());
        } catch (BusinessRuleException e) { // PhotoRejectedException included
            model.addAttribute("refusal", e.messageKey());
            model.addAttribute("refusalArgs", e.args());
        }
        model.addAttribute("form", form);
        return formView(model);
    }

    private String formView(Model model) {
        model.addAttribute("categoryTree", reports.categories());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "public/report";
    }

    /** Grid outlines for the map: the only thing residents can find their place by when no tiles load. */
    @GetMapping(value = "/public/grids.json", produces = "application/geo+json")
    ResponseEntity<String> outlines() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .body(locator.publicOutlines());
    }

    @GetMapping("/public/track")
    String find(@RequestParam(required = false) String code, Model model) {
        String c = PublicReports.normalise(code);
        if (c != null) {
            return "redirect:/public/track/" + c;
        }
        model.addAttribute("notFound", code != null);
        return "public/find";
    }

    @GetMapping("/public/track/{code}")
    String track(@PathVariable String code, Model model) {
        model.addAttribute("report", reports.track(code));
        model.addAttribute("zone", zone);
        model.addAttribute("satisfactions", PublicReports.Satisfaction.values());
        return "public/track";
    }

    @PostMapping("/public/track/{code}/rating")
    String rate(@PathVariable String code, @RequestParam(required = false) PublicReports.Satisfaction satisfaction,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            reports.rate(code, satisfaction, comment);
            redirect.addFlashAttribute("rated", true);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("refusalArgs", e.args());
        }
        return "redirect:/public/track/" + PublicReports.normalise(code);
    }

    @GetMapping("/public/track/{code}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String code, @PathVariable UUID photoId,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
                .body(reports.afterPhoto(code, photoId, thumbnail));
    }

    private static String newDevice(HttpServletResponse response) {
        String id = UUID.randomUUID().toString();
        response.addHeader("Set-Cookie", ResponseCookie.from(DEVICE_COOKIE, id).path("/public").httpOnly(true)
                .sameSite("Lax").maxAge(Duration.ofDays(365)).build().toString());
        return id;
    }

}
