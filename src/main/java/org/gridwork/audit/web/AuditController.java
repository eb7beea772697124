package org.gridwork.audit.web;

import org.gridwork.shared.export.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridwork.account.AccountService;
import org.gridwork.account.UserSummary;
import org.gridwork.audit.AuditEntry;
import org.gridwork.audit.AuditQuery;
import org.gridwork.audit.AuditService;
import org.gridwork.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit trail for administrators: search, filter, page, export as CSV (the export is audited too). */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final AccountService accounts;
    private final org.gridwork.shared.time.BusinessTime time;

    AuditController(AuditService audit, ApplicationEventPublisher events, AccountService accounts,
            org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.audit = audit;
        this.accounts = accounts;
        this.events = events;
    }

    @GetMapping
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
                @RequestParam(required = false) Boolean success, @RequestParam(required = false) String address,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(from, to, actor, action, targetType, targetId, success, address);
        var entries = audit.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("entries", entries);
        // people by the name colleagues know them by; the login name stays beside it
        model.addAttribute("actorNames", accounts.findUsers(entries.stream().map(AuditEntry::actorId)
                .filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(UserSummary::id, UserSummary::displayName)));
        model.addAttribute("query", query);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("queryString", queryString(query));
        return "audit/list";
    }

    /** The chain's latest verification, and where it breaks. */
    @GetMapping("/chain")
    String chain(Model model) {
        AuditService.ChainCheck check = audit.lastCheck();
        model.addAttribute("check", check);
        if (check != null) {
            model.addAttribute("checkedAt", time.seconds(check.checkedAt()));
        }
        if (check != null && check.broken()) {
            audit.entry(check.brokenAt()).ifPresent(e -> {
                model.addAttribute("brokenEntry", e);
                model.addAttribute("brokenEntryAt", e.occurredAt() == null ? "" : time.seconds(e.occurredAt()));
            });
        }
        return "audit/chain";
    }

    /** Verifies the chain now. */
    @PostMapping("/chain")
    String verifyChain() {
        audit.checkChain();
        return "redirect:/admin/audit/chain";
    }

    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
                @RequestParam(required = false) Boolean success, @RequestParam(required = false) String address,
                HttpServletResponse response) throws IOException {
        AuditQuery query = new AuditQuery(from, to, actor, action, targetType, targetId, success, address);
        events.publishEvent(AuditEvent.of("EXPORT", "AUDIT_EVENT", null, queryString(query)));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + time.today() + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // Excel reads UTF-8 (Chinese names) only with a BOM
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader("id", "time", "actor_id", "actor", "address", "action", "target_type", "target_id",
                        "result", "details").get())) {
            audit.forEach(query, e -> {
                try {
                    csv.printRecord(e.id(), time.seconds(e.occurredAt()), e.actorId(),
                            SpreadsheetCells.neutralise(e.actorName()), e.address(), e.action(), e.targetType(), SpreadsheetCells.neutralise(e.targetId()),
                            e.success() ? "success" : "failure", SpreadsheetCells.neutralise(e.details()));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }

    private static String queryString(AuditQuery q) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "from", q.from());
        add(b, "to", q.to());
        add(b, "actor", q.actor());
        add(b, "action", q.action());
        add(b, "targetType", q.targetType());
        add(b, "targetId", q.targetId());
        add(b, "success", q.success());
        add(b, "address", q.address());
        String s = b.encode().build().getQuery();
        return s == null ? "" : s;
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }
}
