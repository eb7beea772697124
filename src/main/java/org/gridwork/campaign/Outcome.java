package org.gridwork.campaign;

/** What a visit to a target came to; message keys {@code campaign.outcome.<NAME>}. */
public enum Outcome {
    DONE, NOBODY_HOME, REFUSED;

    TargetStatus status() {
        return switch (this) {
            case DONE -> TargetStatus.DONE;
            case NOBODY_HOME -> TargetStatus.ATTEMPTED;
            case REFUSED -> TargetStatus.REFUSED;
        };
    }
}
