package org.gridwork.shared;

/** A start-up setting the operator must provide; reported as a plain message, not a stack trace. */
public class MissingSettingException extends RuntimeException {

    private final String action;

    public MissingSettingException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
