package org.gridwork.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers to one form, checked against its questions: a question whose "skip unless" does not
 * hold is dropped (not asked, not required); each error is a message key by question code.
 */
final class FormAnswers {

    /** A checked set of answers: values by question code, the codes whose answer is a problem, errors by code. */
    record Checked(Map<String, List<String>> values, List<String> problems, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    static final int MAX_TEXT = 500;

    private FormAnswers() {
    }

    /** Photo answers are checked by the caller (stored first); here a photo question counts as answered when its value is set. */
    static Checked check(List<Question> questions, Map<String, List<String>> raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Question q : questions) {
            if (q.showIf() != null) {
                List<String> on = values.getOrDefault(q.showIf(), List.of());
                if (on.stream().noneMatch(q.showIfValues()::contains)) {
                    continue;
                }
            }
            List<String> given = raw.getOrDefault(q.code(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (given.isEmpty()) {
                if (q.required()) {
                    errors.put(q.code(), "campaign.answer.required");
                }
                continue;
            }
            String error = switch (q.kind()) {
                case YES_NO, SINGLE_CHOICE -> given.size() == 1 && known(q, given.get(0)) ? null : "campaign.answer.choice";
                case MULTIPLE_CHOICE -> given.stream().allMatch(v -> known(q, v)) ? null : "campaign.answer.choice";
                case NUMBER -> number(q, given.get(0));
                case DATE -> date(given.get(0));
                case TEXT -> given.get(0).length() > MAX_TEXT ? "campaign.answer.tooLong" : null;
                case PHOTO -> null;
            };
            if (error != null) {
                errors.put(q.code(), error);
                continue;
            }
            List<String> kept = q.kind() == QuestionKind.MULTIPLE_CHOICE ? given.stream().distinct().toList()
                    : List.of(given.get(0));
            values.put(q.code(), kept);
            if (q.isProblem(kept)) {
                problems.add(q.code());
            }
        }
        return new Checked(values, problems, errors);
    }

    private static boolean known(Question q, String code) {
        return q.choices().stream().anyMatch(o -> o.code().equals(code));
    }

    private static String number(Question q, String value) {
        try {
            BigDecimal n = new BigDecimal(value);
            if ((q.min() != null && n.compareTo(q.min()) < 0) || (q.max() != null && n.compareTo(q.max()) > 0)) {
                return "campaign.answer.range";
            }
            return null;
        } catch (NumberFormatException e) {
            return "campaign.answer.number";
        }
    }

    private static String date(String value) {
        try {
            LocalDate.parse(value);
            return null;
        } catch (DateTimeParseException e) {
            return "campaign.answer.date";
        }
    }
}
