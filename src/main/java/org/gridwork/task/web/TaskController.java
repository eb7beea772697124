package org.gridwork.task.web;

import java.io.IOException;

import jakarta.validation.Valid;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.task.AssigneeMode;
import org.gridwork.task.TaskMatrix;
import org.gridwork.task.TaskService;
import org.gridwork.task.TaskStatus;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /tasks: grid staff see their own tasks and record progress; supervisors and admins create
 * tasks, follow the completion matrix, remind and extend. The service decides scope.
 */
@Controller
@RequestMapping("/tasks")
class TaskController {

    private static final int PAGE_SIZE = 20;

    private final TaskService tasks;
    private final CurrentUsers currentUsers;
    private final org.gridwork.task.TaskAdmission admission;

    TaskController(TaskService tasks, CurrentUsers currentUsers, org.gridwork.task.TaskAdmission admission) {
        this.tasks = tasks;
        this.currentUsers = currentUsers;
        this.admission = admission;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "open") String state,
            @RequestParam(required = false) String node,
            @RequestParam(defaultValue = "due") String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        PageRequest pageable = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("state", state.toLowerCase());
        if (isStaff()) {
            model.addAttribute("page", tasks.myAssignments(state, pageable));
            return "task/mine";
        }
        requireManager();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", sort);
        model.addAttribute("node", node == null ? "" : node);
        model.addAttribute("page", tasks.managedTasks(q, state, sort, node, pageable));
        model.addAttribute("nodeName", node == null || node.isBlank() ? "" : tasks.nodeName(node));
        return "task/list";
    }

    @GetMapping("/new")
    String newTask(Model model) {
        requireManager();
        model.addAttribute("taskForm", TaskForm.empty(tasks.today().plusDays(7)));
        return form(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("taskForm") TaskForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        requireManager();
        if (!result.hasErrors()) {
            try {
                long id = tasks.create(form.toNewTask(tasks.userIdsOfUsernames(form.usernames()),
                        tasks.gridIdsOfCodes(form.gridCodes())));
                if (admission.awaitingApproval(id)) {
                    redirect.addFlashAttribute("success", "task.admission.created");
                    return "redirect:/tasks/approvals";
                }
                redirect.addFlashAttribute("success", "task.created");
                return "redirect:/tasks/" + id;
            } catch (BusinessRuleException e) {
                result.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("taskTypes", admission.activeTypes());
        model.addAttribute("options", tasks.assigneeOptions());
        model.addAttribute("modes", AssigneeMode.values());
        return "task/form";
    }

    /** The staff picker's choices as the supervisor types (search beyond a town's worth of staff). */
    @GetMapping(value = "/staff.json", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    java.util.List<org.gridwork.task.TaskService.StaffChoice> staff(@RequestParam(defaultValue = "") String q) {
        return tasks.searchStaff(q, 20);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        if (isStaff()) {
            model.addAttribute("assignment", tasks.myAssignment(id));
            model.addAttribute("statuses", TaskStatus.values());
            if (!model.containsAttribute("progressForm")) {
                var mine = tasks.myAssignment(id);
                model.addAttribute("progressForm", new ProgressForm(mine.status(), mine.note()));
            }
            return "task/assignment";
        }
        requireManager();
        if (!model.containsAttribute("extendForm")) {
            model.addAttribute("extendForm", new ExtendForm(null));
        }
        return matrix(id, model);
    }

    private String matrix(long id, Model model) {
        TaskMatrix matrix = tasks.matrix(id);
        model.addAttribute("task", matrix);
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("today", tasks.today());
        return "task/matrix";
    }

    @PostMapping("/{id}/progress")
    String progress(@PathVariable long id, @Valid @ModelAttribute("progressForm") ProgressForm form,
            BindingResult result, @RequestParam(required = false) MultipartFile photo, Model model,
            RedirectAttributes redirect) throws IOException {
        if (!isStaff()) {
            throw new NotFoundException("task", id);
        }
        if (!result.hasErrors()) {
            try {
                byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
                tasks.recordProgress(id, form.status(), form.note(), bytes);
                redirect.addFlashAttribute("success", "task.progress.saved");
                return "redirect:/tasks/" + id;
            } catch (BusinessRuleException e) {
                result.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        model.addAttribute("assignment", tasks.myAssignment(id));
        model.addAttribute("statuses", TaskStatus.values());
        return "task/assignment";
    }

    @PostMapping("/{id}/remind")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        requireManager();
        int count = tasks.remind(id);
        redirect.addFlashAttribute("success", count == 0 ? "task.remind.nobody" : "task.remind.sent");
        redirect.addFlashAttribute("successArgs", new Object[] {count});
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/{id}/extend")
    String extend(@PathVariable long id, @Valid @ModelAttribute("extendForm") ExtendForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        requireManager();
        if (!result.hasErrors()) {
            try {
                tasks.extend(id, form.dueDate());
                redirect.addFlashAttribute("success", "task.extended");
                return "redirect:/tasks/" + id;
            } catch (BusinessRuleException e) {
                result.rejectValue("dueDate", e.messageKey(), e.args(), e.messageKey());
            }
        }
        return matrix(id, model);
    }

    @GetMapping("/{id}/assignments/{assignmentId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long assignmentId,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .body(tasks.photo(id, assignmentId, thumbnail));
    }

    private boolean isStaff() {
        return currentUsers.require().is(Role.GRID_STAFF);
    }

    /** Handlers have no tasks: they get 404 like any out-of-scope record. */
    private void requireManager() {
        CurrentUser user = currentUsers.require();
        if (!user.is(Role.SUPERVISOR) && !user.is(Role.ADMIN)) {
            throw new NotFoundException("page", "/tasks");
        }
    }
}
