package org.gridwork.care.web;

import java.time.LocalDate;
import java.util.Locale;

import org.gridwork.shared.today.TodayItem;
import org.gridwork.support.Markup;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class TodayRowTest {

    @Test
    void titlesDetailsAndLinksWithMarkupAreWrittenAsText() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        TodayItem item = new TodayItem("VISIT", Markup.NAME, Markup.NAME, LocalDate.of(2026, 5, 1), true,
                "/residents/1?x=" + Markup.NAME);
        String html = TodayController.TodayRow.of(item, messages, Locale.CHINA).html("/app");
        Markup.assertShownAsText(html);
    }
}
