package org.gridwork.campaign.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridwork.campaign.ChecklistForm;
import org.gridwork.campaign.FormService;
import org.gridwork.campaign.Question;
import org.gridwork.campaign.QuestionKind;
import org.gridwork.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /campaign-forms: the checklist form designer for supervisors and admins. */
@Controller
@RequestMapping("/campaign-forms")
class FormController {

    private final FormService forms;

    FormController(FormService forms) {
        this.forms = forms;
    }

    @GetMapping
    String list(Model model) {
        forms.requireDesignerAccess();
        model.addAttribute("forms", forms.forms());
        return "campaign/forms";
    }

    @PostMapping
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String titleEn,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        forms.requireDesignerAccess();
        try {
            long id = forms.create(title, titleEn, description);
            redirect.addFlashAttribute("success", "campaign.form.created");
            return "redirect:/campaign-forms/" + id;
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/campaign-forms";
        }
    }

    @GetMapping("/{id}")
    String designer(@PathVariable long id, Model model, Locale locale) {
        forms.requireDesignerAccess();
        ChecklistForm form = forms.form(id);
        model.addAttribute("form", form);
        model.addAttribute("kinds", QuestionKind.values());
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", QuestionForm.empty());
        }
        // "skip unless" choices: every answer of every coded question so far (a new question goes last)
        List<String[]> conditions = new ArrayList<>();
        int n = 0;
        for (Question q : form.questions()) {
            n++;
            if (q.kind().coded()) {
                for (Question.Option o : q.choices()) {
                    conditions.add(new String[] {q.code() + "=" + o.code(), n + ". " + q.label(locale) + " = " + o.label(locale)});
                }
            }
        }
        model.addAttribute("conditions", conditions);
        return "campaign/designer";
    }

    @PostMapping("/{id}/questions")
    String addQuestion(@PathVariable long id, @ModelAttribute QuestionForm questionForm,
            org.springframework.validation.BindingResult binding, RedirectAttributes redirect) {
        forms.requireDesignerAccess();
        forms.form(id); // 404 before anything else
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("error", "campaign.form.error.number");
            return "redirect:/campaign-forms/" + id;
        }
        try {
            forms.addQuestion(id, questionForm.toQuestion(forms.form(id)));
            redirect.addFlashAttribute("success", "campaign.form.questionAdded");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            redirect.addFlashAttribute("questionForm", questionForm);
        }
        return "redirect:/campaign-forms/" + id;
    }

    @PostMapping("/{id}/questions/{code}/delete")
    String removeQuestion(@PathVariable long id, @PathVariable String code, RedirectAttributes redirect) {
        forms.requireDesignerAccess();
        try {
            forms.removeQuestion(id, code);
            redirect.addFlashAttribute("success", "campaign.form.questionRemoved");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/campaign-forms/" + id;
    }

    @PostMapping("/{id}/questions/{code}/move")
    String moveQuestion(@PathVariable long id, @PathVariable String code,
            @RequestParam(defaultValue = "0") int direction, RedirectAttributes redirect) {
        forms.requireDesignerAccess();
        try {
            forms.moveQuestion(id, code, direction);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/campaign-forms/" + id;
    }

    @PostMapping("/{id}/copy")
    String copy(@PathVariable long id, RedirectAttributes redirect) {
        forms.requireDesignerAccess();
        long copy = forms.copyAsNewVersion(id);
        redirect.addFlashAttribute("success", "campaign.form.copied");
        redirect.addFlashAttribute("successArgs", List.of(forms.form(copy).version()));
        return "redirect:/campaign-forms/" + copy;
    }
}
