package org.gridwork.campaign;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.BusinessRuleException;

/**
 * The designer's rules for a form's question list, checked before any change is saved: each
 * refusal is a message key with the question's number, so the designer shows it by the field.
 */
final class FormRules {

    static final int MAX_QUESTIONS = 100;

    private FormRules() {
    }

    /** Refuses a list that breaks a rule; a "skip unless" must point to an EARLIER coded question. */
    static void check(List<Question> questions) {
        if (questions.size() > MAX_QUESTIONS) {
            throw new BusinessRuleException("campaign.form.error.tooMany", MAX_QUESTIONS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            int number = i + 1;
            if (q.kind() == null) {
                throw new BusinessRuleException("campaign.form.error.kind", number);
            }
            if (q.label() == null || q.label().isBlank()) {
                throw new BusinessRuleException("campaign.form.error.label", number);
            }
            if (!seen.add(q.code())) {
                throw new BusinessRuleException("campaign.form.error.duplicateCode", number);
            }
            if (q.kind().hasOptions() && q.options().size() < 2) {
                throw new BusinessRuleException("campaign.form.error.options", number);
            }
            if (q.kind().hasOptions() && q.options().stream().map(Question.Option::code).distinct().count()
                    != q.options().size()) {
                throw new BusinessRuleException("campaign.form.error.options", number);
            }
            if (q.kind() == QuestionKind.NUMBER && q.min() != null && q.max() != null && q.min().compareTo(q.max()) > 0) {
                throw new BusinessRuleException("campaign.form.error.range", number);
            }
            if (q.showIf() != null) {
                if (q.showIf().equals(q.code())) {
                    throw new BusinessRuleException("campaign.form.error.conditionSelf", number);
                }
                int target = indexOf(questions, q.showIf());
                if (target < 0) {
                    throw new BusinessRuleException("campaign.form.error.conditionUnknown", number);
                }
                if (target > i) {
                    throw new BusinessRuleException("campaign.form.error.conditionForward", number, target + 1);
                }
                Question on = questions.get(target);
                if (!on.kind().coded() || q.showIfValues().isEmpty() || !codes(on).containsAll(q.showIfValues())) {
                    throw new BusinessRuleException("campaign.form.error.conditionValues", number, target + 1);
                }
            }
            if (!q.problemWhen().isEmpty() && (!q.kind().coded() || !codes(q).containsAll(q.problemWhen()))) {
                throw new BusinessRuleException("campaign.form.error.problemValues", number);
            }
            if ((q.problemBelow() != null || q.problemAbove() != null) && q.kind() != QuestionKind.NUMBER) {
                throw new BusinessRuleException("campaign.form.error.problemValues", number);
            }
        }
    }

    private static Set<String> codes(Question q) {
        Set<String> codes = new HashSet<>();
        q.choices().forEach(o -> codes.add(o.code()));
        return codes;
    }

    private static int indexOf(List<Question> questions, String code) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
