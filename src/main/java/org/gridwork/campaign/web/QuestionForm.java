package org.gridwork.campaign.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridwork.campaign.ChecklistForm;
import org.gridwork.campaign.Question;
import org.gridwork.campaign.QuestionKind;
import org.gridwork.shared.BusinessRuleException;

/**
 * The designer's "add a question" form. Options one a line, "中文 | English"; the condition is
 * "code=answer" picked from the earlier questions' answers; the problem rule is a list of the
 * answers that mark a problem (a choice's code or label) or a number's bounds.
 */
public record QuestionForm(QuestionKind kind, String label, String labelEn, boolean required, String options,
        BigDecimal min, BigDecimal max, String condition, List<String> problemWhen, BigDecimal problemBelow,
        BigDecimal problemAbove) {

    static QuestionForm empty() {
        return new QuestionForm(QuestionKind.YES_NO, "", "", true, "", null, null, "", List.of(), null, null);
    }

    Question toQuestion(ChecklistForm form) {
        if (kind == null) {
            throw new BusinessRuleException("campaign.form.error.kind", form.questions().size() + 1);
        }
        List<Question.Option> opts = new ArrayList<>();
        if (kind.hasOptions() && options != null) {
            for (String line : options.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", 2);
                opts.add(new Question.Option(String.valueOf(opts.size() + 1), parts[0].strip(),
                        parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null));
            }
        }
        String showIf = null;
        List<String> showIfValues = List.of();
        if (condition != null && condition.contains("=")) {
            showIf = condition.substring(0, condition.indexOf('=')).strip();
            showIfValues = List.of(condition.substring(condition.indexOf('=') + 1).strip());
        }
        List<String> problems = new ArrayList<>();
        if (kind.coded() && problemWhen != null) {
            List<Question.Option> choices = kind == QuestionKind.YES_NO ? Question.YES_NO : opts;
            for (String p : problemWhen) {
                if (p == null || p.isBlank()) {
                    continue;
                }
                String v = p.strip();
                choices.stream().filter(o -> o.code().equals(v) || o.label().equals(v)
                        || v.equalsIgnoreCase(o.label(Locale.ENGLISH))).findFirst()
                        .ifPresentOrElse(o -> problems.add(o.code()), () -> problems.add(v));
            }
        }
        boolean number = kind == QuestionKind.NUMBER;
        return new Question("new", kind, label == null ? "" : label.strip(), labelEn == null || labelEn.isBlank() ? null
                : labelEn.strip(), required, opts, number ? min : null, number ? max : null, showIf, showIfValues, problems,
                number ? problemBelow : null, number ? problemAbove : null);
    }
}
