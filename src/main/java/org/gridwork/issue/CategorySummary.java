package org.gridwork.issue;

import java.util.Locale;

/** A category as screens and other modules see it; subclasses carry the time limits; residents choose only public ones. */
public record CategorySummary(long id, String code, Long parentId, String nameZh, String nameEn, Integer limitAmount,
        LimitUnit limitUnit, boolean emergency, Integer verifyLimitHours, int sortOrder, boolean active, long version,
        boolean publicReporting) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public boolean subclass() {
        return parentId != null;
    }
}
