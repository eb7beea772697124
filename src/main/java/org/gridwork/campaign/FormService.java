package org.gridwork.campaign;

import java.util.ArrayList;
import java.util.List;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.text.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checklist forms and their designer (supervisors and admins). A version a campaign uses is
 * never changed: {@link #copyAsNewVersion} makes the next version of its family instead.
 */
@Service
@Transactional(readOnly = true)
public class FormService {

    private static final String SELECT = """
            select f.id, coalesce(f.family_id, f.id) as family_id, f.version, f.title, f.title_en, f.description,
                   f.questions::text as questions, f.updated_at,
                   exists (select 1 from campaign c where c.form_id = f.id) as in_use
            from campaign_form f""";

    private final JdbcClient jdbc;
    private final FormJson json;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;

    FormService(JdbcClient jdbc, FormJson json, CurrentUsers currentUsers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.currentUsers = currentUsers;
        this.events = events;
    }

    /** Every form version, newest family first, versions in order. */
    public List<ChecklistForm> forms() {
        requireDesigner();
        return jdbc.sql(SELECT + " order by coalesce(f.family_id, f.id) desc, f.version desc").query(this::map).list();
    }

    /** Refuses (403) anyone but supervisors and admins: the designer's screens. */
    public void requireDesignerAccess() {
        requireDesigner();
    }

    public ChecklistForm form(long id) {
        return jdbc.sql(SELECT + " where f.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("campaign form", id));
    }

    /** A new, empty form (version 1 of a new family). */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public long create(String title, String titleEn, String description) {
        CurrentUser user = requireDesigner();
        if (title == null || title.isBlank()) {
            throw new BusinessRuleException("campaign.form.error.title");
        }
        TextLimits.require(title.strip(), 200); // campaign_form.title, title_en, description
        TextLimits.require(titleEn == null ? null : titleEn.strip(), 200);
        TextLimits.require(description == null ? null : description.strip(), 2000);
        long id = jdbc.sql("""
                insert into campaign_form (title, title_en, description, created_by) values (?, ?, ?, ?) returning id""")
                .params(title.strip(), blankToNull(titleEn), blankToNull(description), user.id()).query(Long.class).single();
        jdbc.sql("update campaign_form set family_id = id where id = ?").param(id).update();
        events.publishEvent(AuditEvent.of("CAMPAIGN_FORM_CREATED", "CAMPAIGN_FORM", id, title.strip()));
        return id;
    }

    /** Appends a question; its code is given here (q1, q2, ... never reused within the version). */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void addQuestion(long formId, Question question) {
        ChecklistForm form = editable(formId);
        // kept in the form's JSON, which has no column size: the designer's inputs' limits, said on the server too
        TextLimits.require(question.label(), 200);
        TextLimits.require(question.labelEn(), 200);
        question.options().forEach(o -> {
            TextLimits.require(o.label(), 200);
            TextLimits.require(o.labelEn(), 200);
        });
        List<Question> list = new ArrayList<>(form.questions());
        list.add(withCode(question, nextCode(list)));
        save(form, list, "question added");
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void removeQuestion(long formId, String code) {
        ChecklistForm form = editable(formId);
        List<Question> list = new ArrayList<>(form.questions());
        if (!list.removeIf(q -> q.code().equals(code))) {
            throw new NotFoundException("question", code);
        }
        save(form, list, "question " + code + " removed");
    }

    /** Moves a question one place up (-1) or down (+1); refused when a condition would then point forward. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void moveQuestion(long formId, String code, int direction) {
        ChecklistForm form = editable(formId);
        List<Question> list = new ArrayList<>(form.questions());
        int i = indexOf(list, code);
        int j = i + Integer.signum(direction);
        if (i < 0) {
            throw new NotFoundException("question", code);
        }
        if (j < 0 || j >= list.size()) {
            return;
        }
        list.set(i, list.set(j, list.get(i)));
        save(form, list, "question " + code + " moved");
    }

    /** Replaces the whole list (the designer's checks first); refused when the form is in use. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void replaceQuestions(long formId, List<Question> questions) {
        save(editable(formId), new ArrayList<>(questions), "questions replaced");
    }

    /** A copy of a version as the next version of its family, editable. Returns its id. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public long copyAsNewVersion(long formId) {
        CurrentUser user = requireDesigner();
        ChecklistForm form = form(formId);
        int next = jdbc.sql("select max(version) + 1 from campaign_form where coalesce(family_id, id) = ?")
                .param(form.familyId()).query(Integer.class).single();
        long id = jdbc.sql("""
                insert into campaign_form (family_id, version, title, title_en, description, questions, created_by)
                select coalesce(family_id, id), ?, title, title_en, description, questions, ? from campaign_form where id = ?
                returning id""").params(next, user.id(), formId).query(Long.class).single();
        events.publishEvent(AuditEvent.of("CAMPAIGN_FORM_CREATED", "CAMPAIGN_FORM", id,
                "version " + next + " of form " + form.familyId()));
        return id;
    }

    private void save(ChecklistForm form, List<Question> list, String what) {
        FormRules.check(list);
        jdbc.sql("update campaign_form set questions = ?::jsonb, updated_at = now() where id = ?")
                .params(json.write(list), form.id()).update();
        events.publishEvent(AuditEvent.of("CAMPAIGN_FORM_CHANGED", "CAMPAIGN_FORM", form.id(), what));
    }

    private ChecklistForm editable(long formId) {
        requireDesigner();
        ChecklistForm form = form(formId);
        if (form.inUse()) {
            throw new BusinessRuleException("campaign.form.error.inUse");
        }
        return form;
    }

    private static Question withCode(Question q, String code) {
        return new Question(code, q.kind(), q.label(), q.labelEn(), q.required(), q.options(), q.min(), q.max(),
                q.showIf(), q.showIfValues(), q.problemWhen(), q.problemBelow(), q.problemAbove());
    }

    private static String nextCode(List<Question> list) {
        int max = 0;
        for (Question q : list) {
            if (q.code().matches("q\\d{1,6}")) {
                max = Math.max(max, Integer.parseInt(q.code().substring(1)));
            }
        }
        return "q" + (max + 1);
    }

    private static int indexOf(List<Question> list, String code) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private ChecklistForm map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ChecklistForm(rs.getLong("id"), rs.getLong("family_id"), rs.getInt("version"), rs.getString("title"),
                rs.getString("title_en"), rs.getString("description"), json.questions(rs.getString("questions")),
                rs.getBoolean("in_use"), rs.getTimestamp("updated_at").toInstant());
    }

    CurrentUser requireDesigner() {
        CurrentUser user = currentUsers.require();
        if (!user.is(Role.SUPERVISOR) && !user.is(Role.ADMIN)) {
            throw new AccessDeniedException("forms are designed by supervisors and admins");
        }
        return user;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
