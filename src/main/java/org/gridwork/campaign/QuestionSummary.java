package org.gridwork.campaign;

import java.util.List;

/** Counts of one question's answers over the done targets in view (per choice for coded questions). */
public record QuestionSummary(int number, Question question, long answered, long problems, List<Line> lines) {

    /** {@code code}: a choice code, or null for a kind without choices. */
    public record Line(String code, String label, long count) {
    }
}
