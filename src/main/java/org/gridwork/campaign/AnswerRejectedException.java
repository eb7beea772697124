package org.gridwork.campaign;

import java.util.Map;

import org.gridwork.shared.BusinessRuleException;

/** Answers that break the form's rules: a message key per question code, shown by each question. */
public class AnswerRejectedException extends BusinessRuleException {

    private final transient Map<String, String> errors;

    AnswerRejectedException(Map<String, String> errors) {
        super("campaign.answer.invalid", errors.size());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
