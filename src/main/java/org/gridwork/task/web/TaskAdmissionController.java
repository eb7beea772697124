package org.gridwork.task.web;

import java.time.YearMonth;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.task.TaskAdmission;
import org.gridwork.task.TaskService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 准入清单 (issue 21): the admins' list of task types, the approvals of work outside the list by
 * the level above, and the monthly burden report. The service decides who may (404 otherwise).
 */
@Controller
class TaskAdmissionController {

    private final TaskAdmission admission;
    private final TaskService tasks;

    TaskAdmissionController(TaskAdmission admission, TaskService tasks) {
        this.admission = admission;
        this.tasks = tasks;
    }

    @GetMapping("/admin/task-types")
    String types(Model model) {
        model.addAttribute("types", admission.types());
        return "task/types";
    }

    @PostMapping("/admin/task-types")
    String createType(@RequestParam(required = false) String name, @RequestParam(required = false) String document,
            RedirectAttributes r) {
        try {
            admission.createType(name, document);
            r.addFlashAttribute("success", "task.type.created");
        } catch (BusinessRuleException e) {
            r.addFlashAttribute("error", e.messageKey());
            r.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/admin/task-types";
    }

    @PostMapping("/admin/task-types/{id}")
    String updateType(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String document, @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes r) {
        try {
            admission.updateType(id, name, document, active);
            r.addFlashAttribute("success", "task.type.saved");
        } catch (BusinessRuleException e) {
            r.addFlashAttribute("error", e.messageKey());
            r.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/admin/task-types";
    }

    @GetMapping("/tasks/approvals")
    String approvals(Model model) {
        model.addAttribute("pending", admission.pending());
        return "task/approvals";
    }

    @PostMapping("/tasks/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes r) {
        try {
            admission.approve(id, note);
            r.addFlashAttribute("success", "task.admission.approved");
        } catch (BusinessRuleException e) {
            r.addFlashAttribute("error", e.messageKey());
            r.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/tasks/approvals";
    }

    @PostMapping("/tasks/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes r) {
        try {
            admission.refuse(id, reason);
            r.addFlashAttribute("success", "task.admission.refused");
        } catch (BusinessRuleException e) {
            r.addFlashAttribute("error", e.messageKey());
            r.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/tasks/approvals";
    }

    /** The list behind the dashboard's "work outside the list" figure. */
    @GetMapping("/tasks/outside")
    String outside(@RequestParam(required = false) String node,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth m = month == null ? YearMonth.from(tasks.today()) : month;
        var rows = admission.outside(node, m);
        model.addAttribute("rows", rows);
        model.addAttribute("total", rows.stream().mapToInt(TaskAdmission.OutsideRow::staff).sum());
        model.addAttribute("month", m.toString());
        model.addAttribute("node", node == null ? "" : node);
        return "task/outside";
    }

    @GetMapping("/tasks/burden")
    String burden(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        YearMonth m = month == null ? YearMonth.from(tasks.today()) : month;
        model.addAttribute("burden", admission.burden(m));
        model.addAttribute("month", m.toString());
        return "task/burden";
    }
}
