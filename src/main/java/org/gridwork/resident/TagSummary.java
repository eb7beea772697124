package org.gridwork.resident;

import java.util.Locale;

/** A special-group tag and how often its members are visited. */
public record TagSummary(String code, String nameZh, String nameEn, int visitIntervalDays, boolean sensitive) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
