package org.gridwork.resident;

import java.util.ArrayList;
import java.util.List;

/** A resident draft with problems, each tied to its field, so forms show them next to the field. */
public class ResidentInvalid extends RuntimeException {

    /** One problem: the form field, a message key and its arguments. */
    public record Problem(String field, String messageKey, Object[] args) {
    }

    private final List<Problem> problems = new ArrayList<>();

    ResidentInvalid() {
        super("invalid resident");
    }

    void add(String field, String key, Object... args) {
        problems.add(new Problem(field, key, args));
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw this;
        }
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
