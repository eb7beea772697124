package org.gridwork.issue.web;

import java.util.List;

import org.gridwork.issue.Escalations;
import org.gridwork.issue.Whistles;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The issue page's actions up the chain (issue 21): escalate to the county, the county's filing,
 * declining and dispatching, a co-handler's note, the whistle and each department's report.
 * Each redirects back to the issue page with a message; a refusal is a message there too.
 */
@Controller
class EscalationController {

    private final Escalations escalations;
    private final Whistles whistles;

    private final org.gridwork.shared.time.BusinessTime time;

    EscalationController(Escalations escalations, Whistles whistles, org.gridwork.shared.time.BusinessTime time) {
        this.time = time;
        this.escalations = escalations;
        this.whistles = whistles;
    }

    @PostMapping("/issues/{id}/escalate")
    String escalate(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes r) {
        return done(id, r, "ESCALATE", () -> escalations.escalate(id, version, reason));
    }

    @PostMapping("/issues/{id}/county/file")
    String fileAtCounty(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String comment,
            RedirectAttributes r) {
        return done(id, r, "FILE_AT_COUNTY", () -> escalations.fileAtCounty(id, version, comment));
    }

    @PostMapping("/issues/{id}/county/decline")
    String decline(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes r) {
        return done(id, r, "DECLINE_ESCALATION", () -> escalations.declineEscalation(id, version, reason));
    }

    @PostMapping("/issues/{id}/county/dispatch")
    String dispatchAtCounty(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long lead,
            @RequestParam(name = "co", required = false) List<Long> co, @RequestParam(required = false) Integer limitDays,
            @RequestParam(required = false) String comment, RedirectAttributes r) {
        return done(id, r, "DISPATCH_AT_COUNTY", () -> escalations.dispatchAtCounty(id, version, lead, co, limitDays, comment));
    }

    @PostMapping("/issues/{id}/co-note")
    String coNote(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes r) {
        return done(id, r, "CO_HANDLER_NOTE", () -> escalations.noteAsCoHandler(id, note));
    }

    @PostMapping("/issues/{id}/whistle")
    String whistle(@PathVariable long id, @RequestParam(name = "departments", required = false) List<Long> departments,
            @RequestParam(required = false) String note, RedirectAttributes r) {
        return done(id, r, "WHISTLE", () -> whistles.blow(id, departments, note));
    }

    @PostMapping("/issues/{id}/whistle/{callId}/ack")
    String acknowledge(@PathVariable long id, @PathVariable long callId, RedirectAttributes r) {
        return done(id, r, "WHISTLE_ACK", () -> whistles.acknowledge(id, callId));
    }

    @PostMapping("/issues/{id}/whistle/{callId}/action")
    String action(@PathVariable long id, @PathVariable long callId, @RequestParam(required = false) String action,
            RedirectAttributes r) {
        return done(id, r, "WHISTLE_ACTION", () -> whistles.recordAction(id, callId, action));
    }

    /** The list behind the dashboard's whistle figures: who was called, by when, and whether they reported in time. */
    @org.springframework.web.bind.annotation.GetMapping("/whistles")
    String whistleList(@RequestParam(required = false) String node, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean missed, org.springframework.ui.Model model) {
        java.time.YearMonth m = parseMonth(month);
        model.addAttribute("list", whistles.list(node, m, missed));
        model.addAttribute("node", node == null ? "" : node);
        model.addAttribute("month", m.toString());
        model.addAttribute("missed", missed);
        return "issue/whistles";
    }

    private java.time.YearMonth parseMonth(String month) {
        try {
            return month == null || month.isBlank() ? java.time.YearMonth.from(time.today()) : java.time.YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.YearMonth.from(time.today());
        }
    }

    private static String done(long id, RedirectAttributes r, String action, Runnable run) {
        try {
            run.run();
            r.addFlashAttribute("success", "issue.chain.done." + action);
        } catch (BusinessRuleException e) {
            r.addFlashAttribute("error", e.messageKey());
            r.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/issues/" + id;
    }
}
