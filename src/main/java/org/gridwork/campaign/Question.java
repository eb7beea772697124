package org.gridwork.campaign;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One question of a checklist form.
 *
 * @param code         stable key of the question within its form (q1, q2, ...), the key of its answer
 * @param showIf       code of an EARLIER question; the question is asked only when that answer is one of {@code showIfValues}
 * @param problemWhen  answers (codes) that mark a problem, e.g. NO to 燃气报警器正常
 * @param problemBelow a number answer below this marks a problem
 * @param problemAbove a number answer above this marks a problem
 */
public record Question(String code, QuestionKind kind, String label, String labelEn, boolean required,
        List<Option> options, BigDecimal min, BigDecimal max, String showIf, List<String> showIfValues,
        List<String> problemWhen, BigDecimal problemBelow, BigDecimal problemAbove) {

    /** A choice; {@code code} is what the answer stores. */
    public record Option(String code, String label, String labelEn) {
        public String label(Locale locale) {
            return Question.text(label, labelEn, locale);
        }
    }

    public static final List<Option> YES_NO = List.of(new Option("YES", "是", "Yes"), new Option("NO", "否", "No"));

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        showIfValues = showIfValues == null ? List.of() : List.copyOf(showIfValues);
        problemWhen = problemWhen == null ? List.of() : List.copyOf(problemWhen);
        showIf = showIf == null || showIf.isBlank() ? null : showIf;
    }

    public String label(Locale locale) {
        return text(label, labelEn, locale);
    }

    /** The choices to show: yes/no for YES_NO, the form's options for choices, none otherwise. */
    public List<Option> choices() {
        return kind == QuestionKind.YES_NO ? YES_NO : options;
    }

    public boolean hasProblemRule() {
        return !problemWhen.isEmpty() || problemBelow != null || problemAbove != null;
    }

    /** Whether these answer values (codes, or one number) mark a problem under this question's rule. */
    public boolean isProblem(List<String> values) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        if (kind == QuestionKind.NUMBER) {
            try {
                BigDecimal n = new BigDecimal(values.get(0));
                return (problemBelow != null && n.compareTo(problemBelow) < 0)
                        || (problemAbove != null && n.compareTo(problemAbove) > 0);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return values.stream().anyMatch(problemWhen::contains);
    }

    /** The label of an answer code in the reader's language (the code itself when unknown). */
    public String choiceLabel(String code, Locale locale) {
        return choices().stream().filter(o -> o.code().equals(code)).findFirst().map(o -> o.label(locale)).orElse(code);
    }

    static String text(String zh, String en, Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        return chinese || en == null || en.isBlank() ? zh : en;
    }
}
