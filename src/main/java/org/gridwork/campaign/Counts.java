package org.gridwork.campaign;

/** Progress counts over a set of targets; every figure is a {@link TargetFilter}. */
public record Counts(long total, long done, long attempted, long refused, long notStarted, long problems, long issues) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

    Counts plus(Counts o) {
        return new Counts(total + o.total, done + o.done, attempted + o.attempted, refused + o.refused,
                notStarted + o.notStarted, problems + o.problems, issues + o.issues);
    }

    /** Done or refused: nothing more to do there. */
    public long finished() {
        return done + refused;
    }

    public long pending() {
        return attempted + notStarted;
    }

    /** Share finished, in whole percent. */
    public int percentFinished() {
        return total == 0 ? 0 : (int) Math.floor(100.0 * finished() / total);
    }

    public long get(TargetFilter f) {
        return switch (f) {
            case ALL -> total;
            case DONE -> done;
            case ATTEMPTED -> attempted;
            case REFUSED -> refused;
            case NOT_STARTED -> notStarted;
            case PENDING -> pending();
            case PROBLEM -> problems;
            case ISSUE -> issues;
        };
    }
}
