package org.gridwork.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gridwork.calendar.BusinessCalendar.DayKind;
import org.gridwork.calendar.CalendarService;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screen of the business calendar: working hours, weekend, holidays and make-up days. */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private final CalendarService calendar;

    CalendarAdminController(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    String show(Model model) {
        CalendarService.CalendarSettings s = calendar.settings();
        model.addAttribute("workingHours", s.workingHours());
        model.addAttribute("weekend", s.weekend());
        model.addAttribute("daysOfWeek", List.of(DayOfWeek.values()));
        model.addAttribute("days", calendar.specialDays());
        model.addAttribute("kinds", DayKind.values());
        return "calendar/admin";
    }

    @PostMapping("/settings")
    String saveSettings(@RequestParam String workingHours, @RequestParam(required = false) Set<DayOfWeek> weekend,
            RedirectAttributes redirect) {
        try {
            calendar.updateSettings(workingHours, weekend == null ? EnumSet.noneOf(DayOfWeek.class) : weekend);
            redirect.addFlashAttribute("success", "calendar.saved");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/admin/calendar";
    }

    @PostMapping("/days")
    String saveDay(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) DayKind kind, @RequestParam(required = false) String name,
            RedirectAttributes redirect) {
        try {
            calendar.saveDay(day, kind, name);
            redirect.addFlashAttribute("success", "calendar.daySaved");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/admin/calendar";
    }

    @PostMapping("/days/remove")
    String removeDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        calendar.removeDay(day);
        redirect.addFlashAttribute("success", "calendar.dayRemoved");
        return "redirect:/admin/calendar";
    }
}
