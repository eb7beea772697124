package org.gridwork.campaign.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.campaign.AnswerRejectedException;
import org.gridwork.campaign.AnswerSheet;
import org.gridwork.campaign.CampaignService;
import org.gridwork.campaign.FormService;
import org.gridwork.campaign.Outcome;
import org.gridwork.campaign.Question;
import org.gridwork.campaign.QuestionKind;
import org.gridwork.campaign.TargetFilter;
import org.gridwork.campaign.TargetKind;
import org.gridwork.campaign.TargetRow;
import org.gridwork.campaign.TargetView;
import org.gridwork.issue.CategoryService;
import org.gridwork.issue.Urgency;
import org.gridwork.resident.ResidentTags;
import org.gridwork.resident.ResidentTargets;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.id.TimeOrderedUuid;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * /campaigns: staff walk their targets and answer the form on a phone; supervisors and admins
 * launch campaigns and follow the progress. The service decides scope (404 outside).
 */
@Controller
@RequestMapping("/campaigns")
class CampaignController {

    private final CampaignService campaigns;
    private final FormService forms;
    private final CategoryService categories;
    private final ResidentTags residentTags;
    private final ResidentTargets residentTargets;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    CampaignController(CampaignService campaigns, FormService forms, CategoryService categories,
            ResidentTags residentTags, ResidentTargets residentTargets, CurrentUsers currentUsers, MessageSource messages) {
        this.campaigns = campaigns;
        this.forms = forms;
        this.categories = categories;
        this.residentTags = residentTags;
        this.residentTargets = residentTargets;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        if (isStaff()) {
            model.addAttribute("campaigns", campaigns.myCampaigns());
            return "campaign/mine";
        }
        model.addAttribute("campaigns", campaigns.campaigns());
        model.addAttribute("manager", isManager());
        return "campaign/list";
    }

    // ---- launching ----

    @GetMapping("/new")
    String newCampaign(Model model) {
        requireManager();
        model.addAttribute("campaignForm", CampaignForm.empty(campaigns.today()));
        return formView(model);
    }

    /**
     * Launches a campaign. A list campaign goes in two steps: a file uploaded is only checked (who
     * of it will be a target, and every line left out with its reason), the form coming back with
     * the matched people in a hidden field; sending that launches.
     */
    @PostMapping
    String launch(@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result,
            @RequestParam(required = false) MultipartFile listFile, Model model, RedirectAttributes redirect) {
        requireManager();
        List<ResidentTargets.ListedPerson> list = List.of();
        if (form.targetKind() == TargetKind.LIST) {
            boolean uploaded = listFile != null && !listFile.isEmpty();
            if (uploaded || form.listText() == null || form.listText().isBlank()) {
                return checkList(form, result, listFile, model);
            }
            try {
                list = residentTargets.readList(form.listText().getBytes(StandardCharsets.UTF_8), "list.csv");
            } catch (BusinessRuleException e) {
                result.rejectValue("listText", e.messageKey(), e.args(), e.messageKey());
            }
        }
        if (!result.hasErrors()) {
            try {
                long id = campaigns.launch(form.toNewCampaign(list));
                redirect.addFlashAttribute("success", "campaign.launched");
                redirect.addFlashAttribute("successArgs", List.of(campaigns.campaign(id).counts().total()));
                return "redirect:/campaigns/" + id;
            } catch (BusinessRuleException e) {
                result.reject(e.messageKey(), e.args(), e.messageKey());
            } catch (NotFoundException e) {
                result.reject("campaign.error.form", "campaign.error.form");
            }
        }
        return formView(model);
    }

    /** The first step of a list campaign: the file checked against the register in the area, nothing launched. */
    private String checkList(CampaignForm form, BindingResult result, MultipartFile listFile, Model model) {
        if (listFile == null || listFile.isEmpty()) {
            result.rejectValue("listText", "campaign.list.required", "campaign.list.required");
            return formView(model);
        }
        if (result.hasFieldErrors("areaCode")) {
            return formView(model);
        }
        if (listFile.getSize() > ResidentTargets.MAX_LIST_BYTES) {
            result.rejectValue("listText", "resident.targetList.tooBig", new Object[] {ResidentTargets.MAX_LIST_BYTES / 1024 / 1024},
                    "resident.targetList.tooBig");
            return formView(model);
        }
        try {
            ResidentTargets.ListCheck check = campaigns.checkList(form.areaCode(),
                    residentTargets.readList(listFile.getBytes(), listFile.getOriginalFilename()));
            model.addAttribute("listCheck", check);
            model.addAttribute("listFileName", listFile.getOriginalFilename());
            model.addAttribute("campaignForm", form.withListText(check.matched().isEmpty() ? ""
                    : ResidentTargets.asCsv(check.matched())));
        } catch (BusinessRuleException e) {
            String field = e.messageKey().startsWith("campaign.error.area") ? "areaCode" : "listText";
            result.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
        } catch (IOException e) {
            result.rejectValue("listText", "resident.import.unreadable", "resident.import.unreadable");
        }
        return formView(model);
    }

    @GetMapping("/list-template.csv")
    void listTemplate(HttpServletResponse response) throws IOException {
        requireManager();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"campaign-list-template.csv\"");
        ResidentTargets.writeListTemplate(response.getOutputStream());
    }

    private String formView(Model model) {
        model.addAttribute("forms", forms.forms());
        model.addAttribute("kinds", List.of(TargetKind.HOUSEHOLDS, TargetKind.GROUPS, TargetKind.LIST));
        model.addAttribute("tags", residentTags.tags());
        return "campaign/form";
    }

    // ---- progress ----

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String node, Model model, Locale locale) {
        var campaign = campaigns.campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("node", node == null ? "" : node);
        model.addAttribute("rows", campaigns.progress(campaign, node));
        model.addAttribute("filters", List.of(TargetFilter.DONE, TargetFilter.ATTEMPTED, TargetFilter.REFUSED,
                TargetFilter.NOT_STARTED, TargetFilter.PROBLEM, TargetFilter.ISSUE));
        model.addAttribute("staff", isStaff());
        model.addAttribute("mayClose", campaigns.mayClose(campaign));
        return "campaign/show";
    }

    /** Ends the campaign (a confirmation dialog asks first): no more answers, out of the staff's lists. */
    @PostMapping("/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        try {
            campaigns.close(id);
            redirect.addFlashAttribute("success", "campaign.closed");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/campaigns/" + id;
    }

    /** The list behind the dashboard's figure: targets still to visit in every running campaign under the node. */
    @GetMapping("/pending")
    String pending(@RequestParam(required = false) String node, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("node", node == null ? "" : node);
        model.addAttribute("nodeName", campaigns.nodeName(node));
        model.addAttribute("page", campaigns.pendingTargets(node, page));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/campaigns/pending")
                .queryParam("node", node == null ? "" : node).encode().toUriString());
        return "campaign/pending";
    }

    /** Counts per answer of each question under the node, from the counts the database keeps per node (V116, V121). */
    @GetMapping("/{id}/summary")
    String summary(@PathVariable long id, @RequestParam(required = false) String node, Model model, Locale locale) {
        var campaign = campaigns.campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("node", node == null ? "" : node);
        model.addAttribute("nodeName", campaigns.nodeName(node));
        model.addAttribute("summary", campaigns.questionSummary(campaign, node, locale));
        return "campaign/summary";
    }

    @GetMapping("/{id}/targets")
    String targets(@PathVariable long id, @RequestParam(required = false) String node,
            @RequestParam(defaultValue = "all") String filter, @RequestParam(defaultValue = "0") int page, Model model) {
        TargetFilter f = TargetFilter.parse(filter);
        model.addAttribute("campaign", campaigns.campaign(id));
        model.addAttribute("node", node == null ? "" : node);
        model.addAttribute("nodeName", campaigns.nodeName(node));
        model.addAttribute("filter", f);
        model.addAttribute("page", campaigns.targets(id, node, f, page));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/campaigns/" + id + "/targets")
                .queryParam("node", node == null ? "" : node).queryParam("filter", f.name().toLowerCase(Locale.ROOT))
                .encode().toUriString());
        return "campaign/targets";
    }

    @GetMapping("/{id}/answers.{format:csv|xlsx}")
    void exportAnswers(@PathVariable long id, @PathVariable String format, @RequestParam(required = false) String node,
            Locale locale, HttpServletResponse response) throws IOException {
        AnswerSheet.Format f = AnswerSheet.Format.valueOf(format.toUpperCase(Locale.ROOT));
        campaigns.campaign(id); // 404 before any header is written
        download(response, f, "campaign-" + id + "-answers");
        try (AnswerSheet.Writer out = AnswerSheet.Writer.open(f, response.getOutputStream(), "answers", messages)) {
            campaigns.exportAnswers(id, node, locale, out);
        }
    }

    @GetMapping("/{id}/summary.{format:csv|xlsx}")
    void exportSummary(@PathVariable long id, @PathVariable String format, @RequestParam(required = false) String node,
            Locale locale, HttpServletResponse response) throws IOException {
        AnswerSheet.Format f = AnswerSheet.Format.valueOf(format.toUpperCase(Locale.ROOT));
        var summary = campaigns.questionSummary(id, node, locale);
        download(response, f, "campaign-" + id + "-summary");
        try (AnswerSheet.Writer out = AnswerSheet.Writer.open(f, response.getOutputStream(), "summary", messages)) {
            out.summary(summary, locale);
        }
    }

    private static void download(HttpServletResponse response, AnswerSheet.Format format, String name) {
        response.setContentType(format == AnswerSheet.Format.CSV ? "text/csv; charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "."
                + format.name().toLowerCase(Locale.ROOT) + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    // ---- staff: walking and answering ----

    @GetMapping("/{id}/next")
    String next(@PathVariable long id, @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Double latitude, Model model) {
        var campaign = campaigns.campaign(id);
        model.addAttribute("campaign", campaign);
        // a closed campaign takes no more answers: nothing to walk to
        List<TargetRow> rows = campaign.closed() ? List.of() : campaigns.nextTargets(id, longitude, latitude, 30);
        model.addAttribute("rows", rows);
        model.addAttribute("located", longitude != null && latitude != null);
        return "campaign/next";
    }

    @GetMapping("/{id}/targets/{targetId}")
    String target(@PathVariable long id, @PathVariable long targetId, Model model) {
        TargetView view = campaigns.target(id, targetId);
        return targetView(view, view.answers(), Map.of(), TimeOrderedUuid.next(), model);
    }

    private String targetView(TargetView view, Map<String, List<String>> values, Map<String, String> errors, UUID token,
            Model model) {
        model.addAttribute("view", view);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("token", token);
        model.addAttribute("photoKind", QuestionKind.PHOTO);
        return "campaign/target";
    }

    @PostMapping("/{id}/targets/{targetId}")
    String record(@PathVariable long id, @PathVariable long targetId, @RequestParam(required = false) UUID token,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Double latitude, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Map<String, List<String>> answers = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("a.")) {
                answers.put(name.substring(2), List.of(values));
            }
        });
        Map<String, byte[]> photos = new HashMap<>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (Map.Entry<String, MultipartFile> e : multipart.getFileMap().entrySet()) {
                if (e.getKey().startsWith("p.") && !e.getValue().isEmpty()) {
                    try {
                        photos.put(e.getKey().substring(2), e.getValue().getBytes());
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                }
            }
        }
        try {
            boolean recorded = campaigns.record(id, targetId, token, outcome, answers, photos, longitude, latitude);
            TargetView after = campaigns.target(id, targetId);
            if (recorded) {
                redirect.addFlashAttribute("success", "campaign.outcome.saved." + outcome);
            }
            if (outcome == Outcome.DONE && !after.problemCodes().isEmpty()) {
                return "redirect:/campaigns/" + id + "/targets/" + targetId;
            }
            return "redirect:/campaigns/" + id + "/next";
        } catch (AnswerRejectedException e) {
            model.addAttribute("error", e.messageKey());
            return targetView(campaigns.target(id, targetId), answers, e.errors(), token, model);
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return targetView(campaigns.target(id, targetId), answers, Map.of(), token, model);
        }
    }

    @GetMapping("/{id}/targets/{targetId}/photos/{code}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long targetId, @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean thumbnail) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
                .body(campaigns.photo(id, targetId, code, thumbnail));
    }

    // ---- raising an issue from a problem ----

    @GetMapping("/{id}/targets/{targetId}/issue")
    String issueForm(@PathVariable long id, @PathVariable long targetId, Model model, Locale locale) {
        TargetView view = campaigns.target(id, targetId);
        if (!model.containsAttribute("description")) {
            model.addAttribute("description", campaigns.problemText(view, locale));
        }
        return issueView(view, model);
    }

    private String issueView(TargetView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("categoryTree", categories.tree(true));
        model.addAttribute("urgencies", Urgency.values());
        List<String> photoCodes = new ArrayList<>();
        for (Question q : view.form().questions()) {
            if (q.kind() == QuestionKind.PHOTO && view.answers().containsKey(q.code())) {
                photoCodes.add(q.code());
            }
        }
        model.addAttribute("photoCodes", photoCodes);
        return "campaign/issue";
    }

    @PostMapping("/{id}/targets/{targetId}/issue")
    String raiseIssue(@PathVariable long id, @PathVariable long targetId, @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) Urgency urgency, @RequestParam(required = false) String description,
            Model model, RedirectAttributes redirect) {
        TargetView view = campaigns.target(id, targetId);
        try {
            if (categoryId == null) {
                throw new BusinessRuleException("campaign.issue.category");
            }
            long issueId = campaigns.raiseIssue(id, targetId, categoryId, urgency, description);
            redirect.addFlashAttribute("success", "campaign.issue.raised");
            return "redirect:/issues/" + issueId;
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("description", description);
            model.addAttribute("categoryId", categoryId);
            return issueView(view, model);
        }
    }

    private boolean isStaff() {
        return currentUsers.require().is(Role.GRID_STAFF);
    }

    private boolean isManager() {
        var user = currentUsers.require();
        return user.is(Role.SUPERVISOR) || user.is(Role.ADMIN);
    }

    private void requireManager() {
        if (!isManager()) {
            throw new AccessDeniedException("campaigns are launched by supervisors and admins");
        }
    }
}
