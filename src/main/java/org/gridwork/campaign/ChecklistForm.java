package org.gridwork.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A version of a checklist form (检查表). {@code inUse}: a campaign uses it, so it is never changed
 * again (a copy makes the next version of the same family).
 */
public record ChecklistForm(long id, long familyId, int version, String title, String titleEn, String description,
        List<Question> questions, boolean inUse, Instant updatedAt) {

    public String title(Locale locale) {
        return Question.text(title, titleEn, locale);
    }

    public Optional<Question> question(String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    public boolean editable() {
        return !inUse;
    }
}
