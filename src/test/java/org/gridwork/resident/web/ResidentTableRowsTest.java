package org.gridwork.resident.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridwork.resident.ResidentStatus;
import org.gridwork.resident.ResidentSummary;
import org.gridwork.support.Markup;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class ResidentTableRowsTest {

    @Test
    void namesGridsAndTagsWithMarkupAreWrittenAsText() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        ResidentSummary r = new ResidentSummary(7, Markup.NAME, "F", LocalDate.of(1950, 1, 1), Markup.NAME, null, 3,
                Markup.NAME, ResidentStatus.LIVING, null, List.of("TAG"));
        String html = ResidentTableRows.html(List.of(r), Map.of(3L, Markup.NAME), Map.of(), messages, Locale.CHINA, "/app",
                LocalDate.of(2026, 5, 1));
        Markup.assertShownAsText(html);
    }
}
