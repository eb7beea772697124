package org.gridwork.resident.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import org.gridwork.resident.ImportPreview;
import org.gridwork.resident.ResidentQuery;
import org.gridwork.resident.ResidentStatus;
import org.gridwork.resident.ResidentTransferService;
import org.gridwork.resident.ResidentTransferService.Format;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Import (template, upload and preview, confirmation) and export of the register. */
@Controller
class ResidentTransferController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ResidentTransferService transfer;

    private final org.gridwork.shared.time.BusinessTime time;

    ResidentTransferController(ResidentTransferService transfer, org.gridwork.shared.time.BusinessTime time) {
        this.transfer = transfer;
        this.time = time;
    }

    @GetMapping("/residents/export")
    void export(@RequestParam(defaultValue = "CSV") String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Long townId,
            @RequestParam(required = false) Long villageId, @RequestParam(required = false) Long gridId,
            @RequestParam(required = false) ResidentStatus status, @RequestParam(required = false) String columns,
            java.util.Locale locale, HttpServletResponse response) throws IOException {
        Format f = format(format);
        attachment(response, f, "residents-" + time.today());
        // the narrowest area chosen; the caller's scope still applies inside the search
        Long areaId = villageId != null ? villageId : townId;
        // commit the response (and with it a session write) before the export's read-only transaction:
        // a session written mid-stream inside it is refused by PostgreSQL
        response.flushBuffer();
        transfer.export(new ResidentQuery(q, tag == null || tag.isBlank() ? null : tag, gridId, areaId, status,
                ResidentQuery.Sort.NAME, null, null, 0), f, response.getOutputStream(),
                "machine".equals(columns) ? null : locale); // columns=machine: stable English names and codes
    }

    @GetMapping("/residents/import/template")
    void template(@RequestParam(defaultValue = "CSV") String format, HttpServletResponse response) throws IOException {
        Format f = format(format);
        attachment(response, f, "residents-template");
        transfer.template(f, response.getOutputStream());
    }

    @GetMapping("/residents/import")
    String importForm() {
        return "resident/import";
    }

    @PostMapping("/residents/import")
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        try {
            ImportPreview preview = transfer.preview(file.getBytes(), file.getOriginalFilename());
            return "redirect:/residents/import/" + preview.token();
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args().length > 0 ? e.args()[0] : null);
            return "resident/import";
        }
    }

    @GetMapping("/residents/import/{token}")
    String preview(@PathVariable UUID token, Model model) {
        model.addAttribute("preview", transfer.preview(token));
        return "resident/import-preview";
    }

    @PostMapping("/residents/import/{token}")
    String confirm(@PathVariable UUID token, RedirectAttributes flash) {
        try {
            int saved = transfer.confirm(token);
            flash.addFlashAttribute("success", "resident.import.saved");
            flash.addFlashAttribute("successArgs", saved);
            return "redirect:/residents?sort=RECENT";
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.messageKey());
            return "redirect:/residents/import/" + token;
        }
    }

    private static Format format(String f) {
        return "xlsx".equalsIgnoreCase(f) ? Format.XLSX : Format.CSV;
    }

    private static void attachment(HttpServletResponse response, Format f, String name) {
        response.setContentType(f == Format.XLSX ? XLSX : "text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + (f == Format.XLSX ? ".xlsx" : ".csv")).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
