package org.gridwork.issue.web;

import org.gridwork.shared.export.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridwork.issue.CategoryService;
import org.gridwork.issue.IssueFilter;
import org.gridwork.issue.IssuePage;
import org.gridwork.issue.IssueQueries;
import org.gridwork.issue.IssueService;
import org.gridwork.issue.IssueStatus;
import org.gridwork.issue.ReportCommand;
import org.gridwork.issue.ReportRefused;
import org.gridwork.issue.Urgency;
import org.gridwork.resident.ResidentService;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.web.UploadedPhotos;
import org.gridwork.territory.Grids;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Issue lists, the report form, the issue page and its workflow actions. */
@Controller
class IssueController {

    private final IssueService issues;
    private final IssueQueries queries;
    private final CategoryService categories;
    private final Grids grids;
    private final String tileUrl;
    private final String tileAttribution;
    private final ZoneId zone;
    private final org.gridwork.shared.time.BusinessTime time;
    private final MessageSource messages;
    private final ResidentService residents;
    private final org.gridwork.issue.PublicReports publicReports;
    private final org.gridwork.issue.IssuePlacement placement;
    private final org.gridwork.issue.Escalations escalations;

    IssueController(IssueService issues, IssueQueries queries, CategoryService categories, Grids grids,
            MessageSource messages, ResidentService residents, org.gridwork.issue.PublicReports publicReports,
            org.gridwork.issue.IssuePlacement placement,
            org.gridwork.shared.web.MapTiles tiles, org.gridwork.shared.time.BusinessTime time,
            org.gridwork.issue.Escalations escalations) {
        this.escalations = escalations;
        this.issues = issues;
        this.queries = queries;
        this.messages = messages;
        this.residents = residents;
        this.publicReports = publicReports;
        this.placement = placement;
        this.categories = categories;
        this.grids = grids;
        this.tileUrl = tiles.tileUrl();
        this.tileAttribution = tiles.tileAttribution();
        this.zone = time.zone();
        this.time = time;
    }

    private static final java.time.format.DateTimeFormatter SHORT = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm");

    @ModelAttribute
    void map(Model model) {
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("zone", zone);
    }

    // ---- lists ----

    @GetMapping("/issues")
    String list(@ModelAttribute("filter") FilterForm filter, Model model, java.util.Locale locale,
            HttpServletRequest request) {
        IssuePage page = queries.list(filter.toFilter());
        model.addAttribute("page", page);
        model.addAttribute("rows", IssueListRows.html(page.rows(), categoryNames(locale), messages, locale, zone,
                request.getContextPath()));
        model.addAttribute("statuses", IssueStatus.values());
        model.addAttribute("categoryTree", categories.tree(false));
        return "issue/list";
    }

    @GetMapping("/issues/export.csv")
    void export(@ModelAttribute("filter") FilterForm filter, @RequestParam(required = false) String columns,
            java.util.Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"issues.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // Excel reads UTF-8 only with a byte order mark
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        // columns=machine: the stable English column names and codes, for other programs
        boolean machine = "machine".equals(columns);
        List<String> header = List.of("id", "status", "urgency", "source", "category", "description", "address", "grid",
                "reported_at", "deadline", "overdue", "closed_at");
        csv.printRecord(machine ? header
                : header.stream().map(c -> messages.getMessage("issue.export.column." + c, null, locale)).toList());
        Map<Long, String> categoryNames = machine ? Map.of() : categoryNames(locale);
        csv.flush();
        response.flushBuffer(); // the session is written now, not mid-stream inside the export's read-only transaction
        String yes = messages.getMessage("issue.export.yes", null, locale);
        String no = messages.getMessage("issue.export.no", null, locale);
        String unplaced = messages.getMessage("issue.unplaced.badge", null, locale);
        queries.export(filter.toFilter(), r -> {
            try {
                if (machine) {
                    csv.printRecord(r.id(), r.status(), r.urgency(), r.source(), SpreadsheetCells.neutralise(r.category()), SpreadsheetCells.neutralise(r.description()),
                            SpreadsheetCells.neutralise(r.address()), r.gridCode(), local(r.reportedAt()), local(r.deadline()), r.overdue(),
                            local(r.closedAt()));
                } else {
                    csv.printRecord(r.id(), messages.getMessage("issue.status." + r.status(), null, locale),
                            messages.getMessage("issue.urgency." + r.urgency(), null, locale),
                            messages.getMessage("issue.source." + r.source(), null, locale),
                            SpreadsheetCells.neutralise(categoryNames.getOrDefault(r.categoryId(), r.category())),
                            SpreadsheetCells.neutralise(r.description()), SpreadsheetCells.neutralise(r.address()),
                            r.gridCode() == null ? unplaced
                                    : SpreadsheetCells.neutralise(grids.placeName(r.gridCode()) + " " + r.gridCode()),
                            local(r.reportedAt()), local(r.deadline()), r.overdue() ? yes : no, local(r.closedAt()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private String local(java.time.Instant t) {
        // business time to the second: no 'T', no microseconds, readable in a spreadsheet
        return t == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(t.atZone(zone));
    }

    /** The list behind the dashboard's satisfaction figure: residents' ratings of a month in a node. */
    @GetMapping("/issues/ratings")
    String ratings(@RequestParam(required = false) String region, @RequestParam(required = false) String grid,
            @RequestParam(required = false) String month, Model model) {
        java.time.YearMonth m;
        try {
            m = month == null || month.isBlank() ? time.thisMonth() : java.time.YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            m = time.thisMonth();
        }
        model.addAttribute("ratings", queries.ratings(region, grid, m, 500));
        model.addAttribute("month", m);
        model.addAttribute("region", region);
        model.addAttribute("grid", grid);
        model.addAttribute("zone", zone);
        return "issue/ratings";
    }

    // ---- reporting ----

    @GetMapping("/issues/new")
    String newForm(@RequestParam(required = false) Long residentId, @RequestParam(required = false) Long visitId,
            @RequestParam(required = false) Double longitude, @RequestParam(required = false) Double latitude, Model model) {
        ReportForm form = new ReportForm();
        form.setVisitId(visitId);
        // from a visit: where the visit was logged, so the issue lands in the right grid without a new fix
        if (longitude != null && latitude != null && Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90) {
            form.setLongitude(longitude);
            form.setLatitude(latitude);
        }
        form.setResidentIds(residentId == null ? "" : residentId.toString());
        model.addAttribute("form", form);
        return formView(model);
    }

    @PostMapping("/issues")
    String report(@Valid @ModelAttribute("form") ReportForm form, BindingResult errors,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @RequestParam(required = false) String gridCode, Model model, RedirectAttributes redirect) {
        // a grid picked by code (the area picker, when there are too many grids for a select)
        if (form.getGridId() == null && gridCode != null && !gridCode.isBlank()) {
            grids.findGridByCode(gridCode.strip()).ifPresent(g -> form.setGridId(g.id()));
            model.addAttribute("gridCode", gridCode.strip());
        }
        List<byte[]> contents = UploadedPhotos.bytes(photos);
        if (errors.hasErrors()) {
            return formView(model);
        }
        try {
            long id = issues.report(new ReportCommand(form.getCategoryId(), form.getUrgency(), form.getDescription(),
                    form.getAddress(), form.getPeopleInvolved(), form.getLongitude(), form.getLatitude(), form.getGridId(),
                    form.getVisitId(), form.residentIdList(), form.getDuplicateOfId(), contents));
            redirect.addFlashAttribute("success", "issue.reported");
            return "redirect:/issues/" + id;
        } catch (ReportRefused e) { // a resident, visit, grid or place outside the reporter's reach
            errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
        } catch (BusinessRuleException e) { // PhotoRejectedException included
            errors.reject(e.messageKey(), e.args(), e.messageKey());
        }
        return formView(model);
    }

    private String formView(Model model) {
        Object form = model.getAttribute("form");
        List<Long> ids = List.of();
        if (form instanceof ReportForm f) {
            try {
                ids = f.residentIdList();
            } catch (NumberFormatException e) {
                ids = List.of(); // the field's own message says what is wrong
            }
        }
        model.addAttribute("linkedResidents", residents.labels(ids));
        model.addAttribute("categoryTree", categories.tree(true));
        model.addAttribute("grids", grids.gridsInScope());
        model.addAttribute("urgencies", Urgency.values());
        return "issue/form";
    }

    /** Possible duplicates while reporting: open issues of the category within 50 m. */
    @GetMapping("/issues/nearby")
    String nearby(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Double latitude, Model model) {
        model.addAttribute("nearby", categoryId == null || longitude == null || latitude == null ? List.of()
                : queries.nearby(categoryId, longitude, latitude, 50));
        return "issue/form :: nearby";
    }

    // ---- the issue page and its actions ----

    @GetMapping("/issues/{id}")
    String show(@PathVariable long id, Model model) {
        var issue = queries.details(id);
        model.addAttribute("issue", issue);
        model.addAttribute("linkedResidents", residents.labels(issue.residentIds()));
        model.addAttribute("staff", issue.actions().contains(org.gridwork.issue.IssueAction.DISPATCH)
                ? queries.staffFor(issue.gridId()) : List.of());
        // issue 21: its place in the chain (escalation, co-handlers, whistles); town offices for a town's
        // dispatch, county departments for the county's and the whistle, read with the issue
        model.addAttribute("chain", issue.chain());
        model.addAttribute("departments", issue.chain().townDepartments());
        model.addAttribute("countyDepartments", issue.chain().countyDepartments());
        model.addAttribute("countyLimitDays", escalations.defaultCountyLimitDays());
        return "issue/detail";
    }

    @GetMapping("/issues/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable UUID photoId,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
                .body(queries.photo(id, photoId, thumbnail));
    }

    @PostMapping("/issues/{id}/file")
    String file(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String comment,
            RedirectAttributes r) {
        return done(id, r, "FILE", () -> issues.file(id, version, comment));
    }

    /** An address-only report placed on the map by the supervisor: it takes the grid at the point. */
    @PostMapping("/issues/{id}/place")
    String place(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Double latitude, RedirectAttributes r) {
        try {
            var grid = placement.place(id, version, longitude, latitude);
            r.addFlashAttribute("success", "issue.done.PLACE");
            r.addFlashAttribute("successArgs", new Object[] {grids.placeName(grid)});
        } catch (BusinessRuleException e) {
            r.addFlashAttribute("error", e.messageKey());
            r.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/issues/" + id;
    }

    @PostMapping("/issues/{id}/reject")
    String reject(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes r) {
        return done(id, r, "REJECT", () -> issues.reject(id, version, reason));
    }

    @PostMapping("/issues/{id}/dispatch")
    String dispatch(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String comment, RedirectAttributes r) {
        return done(id, r, "DISPATCH", () -> {
            if (assignee != null && assignee.matches("user:[0-9]{1,18}")) {
                issues.dispatchToStaff(id, version, Long.parseLong(assignee.substring(5)), comment);
            } else if (assignee != null && assignee.matches("dept:[0-9]{1,18}")) {
                issues.dispatchToDepartment(id, version, Long.parseLong(assignee.substring(5)), comment);
            } else {
                throw new BusinessRuleException("issue.error.assigneeRequired");
            }
        });
    }

    @PostMapping("/issues/{id}/accept")
    String accept(@PathVariable long id, @RequestParam long version, RedirectAttributes r) {
        return done(id, r, "ACCEPT", () -> issues.accept(id, version));
    }

    @PostMapping("/issues/{id}/return")
    String giveBack(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes r) {
        return done(id, r, "RETURN", () -> issues.returnToSupervisor(id, version, reason));
    }

    @PostMapping("/issues/{id}/handled")
    String handled(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String feedback,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, RedirectAttributes r) {
        return done(id, r, "REPORT_HANDLED", () -> issues.reportHandled(id, version, feedback, UploadedPhotos.bytes(photos)));
    }

    @PostMapping("/issues/{id}/close")
    String close(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String comment,
            RedirectAttributes r) {
        return done(id, r, "VERIFY_CLOSE", () -> issues.verifyAndClose(id, version, comment));
    }

    @PostMapping("/issues/{id}/rework")
    String rework(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes r) {
        return done(id, r, "REWORK", () -> issues.sendBackForRework(id, version, reason));
    }

    /** The name and phone a resident left on the public page, shown on purpose and audited. */
    @GetMapping("/issues/{id}/resident-contact")
    String residentContact(@PathVariable long id, Model model) {
        model.addAttribute("contact", publicReports.contact(id));
        model.addAttribute("issueId", id);
        return "issue/resident-contact";
    }

    /** 不满意 from the resident who reported it: the supervisor reopens the closed issue for rework. */
    @PostMapping("/issues/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes r) {
        return done(id, r, "REOPEN", () -> issues.reopenForRework(id, version, reason));
    }

    @PostMapping("/issues/{id}/extension")
    String extension(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime until,
            @RequestParam(required = false) String reason, RedirectAttributes r) {
        return done(id, r, "REQUEST_EXTENSION", () -> issues.requestExtension(id, version, until == null ? null : until.atZone(zone).toInstant(),
                reason));
    }

    @PostMapping("/issues/{id}/extension/approve")
    String approve(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String comment,
            RedirectAttributes r) {
        return done(id, r, "APPROVE_EXTENSION", () -> issues.approveExtension(id, version, comment));
    }

    @PostMapping("/issues/{id}/extension/refuse")
    String refuse(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes r) {
        return done(id, r, "REFUSE_EXTENSION", () -> issues.refuseExtension(id, version, reason));
    }

    /**
     * Runs an action; a refusal comes back as a message on the issue page, not as an error page.
     * Success says what happened: to whom it went and by when ("已派遣至 侯口派出所，期限 12-01 17:30").
     */
    private String done(long id, RedirectAttributes r, String action, Runnable run) {
        try {
            run.run();
            Object[] args = {"", ""};
            try {
                var now = queries.details(id);
                args = new Object[] {now.assigneeName() == null ? "" : now.assigneeName(),
                        now.deadline() == null ? "" : SHORT.format(now.deadline().atZone(zone)),
                        now.extensionRequestedUntil() == null ? "" : SHORT.format(now.extensionRequestedUntil().atZone(zone))};
            } catch (org.gridwork.shared.NotFoundException gone) {
                // returned by a handler: the issue has left their reach, the message needs no details
            }
            r.addFlashAttribute("success", "issue.done." + action);
            r.addFlashAttribute("successArgs", args);
        } catch (BusinessRuleException e) {
            r.addFlashAttribute("error", e.messageKey());
            r.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/issues/" + id;
    }

    /** Someone else acted first: 409 with the issue as it is now, so the user sees what changed. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    String conflict(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(409);
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("zone", zone);
        if (vars != null && vars.get("id") != null) {
            var issue = queries.details(Long.parseLong(vars.get("id")));
            model.addAttribute("issue", issue);
            model.addAttribute("linkedResidents", residents.labels(issue.residentIds()));
            return "issue/conflict";
        }
        return "error/409";
    }

    private Map<Long, String> categoryNames(java.util.Locale locale) {
        Map<Long, String> names = new java.util.HashMap<>();
        categories.tree(false).forEach((major, subs) -> {
            names.put(major.id(), major.name(locale));
            subs.forEach(s -> names.put(s.id(), major.name(locale) + " / " + s.name(locale)));
        });
        return names;
    }


    /** The list's filter parameters. */
    static class FilterForm {
        private String view = "ALL";
        private IssueStatus status;
        private Long categoryId;
        private String region;
        private Boolean overdue;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;
        private String q;
        private Long before;

        IssueFilter toFilter() {
            return new IssueFilter(view, status, categoryId, region, overdue, from, to, q, before);
        }

        public String getView() { return view; }
        public void setView(String view) { this.view = view; }
        public IssueStatus getStatus() { return status; }
        public void setStatus(IssueStatus status) { this.status = status; }
        public Long getCategoryId() { return categoryId; }
        public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
        public String getRegion() { return region; }
        public void setRegion(String region) { this.region = region; }
        public Boolean getOverdue() { return overdue; }
        public void setOverdue(Boolean overdue) { this.overdue = overdue; }
        public LocalDate getFrom() { return from; }
        public void setFrom(LocalDate from) { this.from = from; }
        public LocalDate getTo() { return to; }
        public void setTo(LocalDate to) { this.to = to; }
        public String getQ() { return q; }
        public void setQ(String q) { this.q = q; }
        public Long getBefore() { return before; }
        public void setBefore(Long before) { this.before = before; }
    }
}
