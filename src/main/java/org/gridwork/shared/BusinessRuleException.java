package org.gridwork.shared;

/**
 * A request the domain refuses (illegal transition, duplicate, ...). Carries a message key and
 * arguments so that screens show it in the user's language.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public BusinessRuleException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
