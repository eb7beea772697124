package org.gridwork.issue;

import org.gridwork.shared.BusinessRuleException;

/** A report refused because of one of its fields: the form shows the message next to that field. */
public class ReportRefused extends BusinessRuleException {

    private final String field;

    ReportRefused(String field, String messageKey, Object... args) {
        super(messageKey, args);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
