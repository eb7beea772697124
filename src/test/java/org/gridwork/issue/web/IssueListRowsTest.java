package org.gridwork.issue.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridwork.issue.IssueRow;
import org.gridwork.issue.IssueStatus;
import org.gridwork.issue.Urgency;
import org.gridwork.support.Markup;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class IssueListRowsTest {

    @Test
    void descriptionsCategoriesAndGridsWithMarkupAreWrittenAsText() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        IssueRow row = new IssueRow(9, IssueStatus.REPORTED, Urgency.URGENT, 4, Markup.NAME, Markup.NAME,
                Instant.parse("2026-05-01T02:00:00Z"), Instant.parse("2026-05-02T02:00:00Z"), true);
        String html = IssueListRows.html(List.of(row), Map.of(4L, Markup.NAME), messages, Locale.CHINA,
                ZoneId.of("Asia/Shanghai"), "/app");
        Markup.assertShownAsText(html);
    }
}
