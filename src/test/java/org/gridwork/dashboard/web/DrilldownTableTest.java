package org.gridwork.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gridwork.dashboard.DashboardNode;
import org.gridwork.dashboard.DashboardView;
import org.gridwork.dashboard.FigureValues;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.support.Markup;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class DrilldownTableTest {

    @Test
    void cellTextsAndLinksWithMarkupAreWrittenAsText() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("dashboard.none", Locale.getDefault(), Markup.NAME);
        messages.addMessage("dashboard.none", Locale.CHINA, Markup.NAME);
        messages.setUseCodeAsDefaultMessage(true);
        DashboardNode child = new DashboardNode("/1/2", "/1", "X2", Markup.NAME, "VILLAGE", null);
        DashboardView view = new DashboardView(new DashboardNode("/1", null, "X1", "镇", "TOWN", null), List.of(),
                YearMonth.of(2026, 5), Instant.EPOCH, 1, new FigureValues(),
                List.of(new DashboardView.Child(child, new FigureValues(), Map.of(Figure.ISSUES_OPEN, "/issues?q=" + Markup.NAME))),
                Set.of(Figure.ISSUES_OPEN), Map.of());
        DrilldownTable table = DrilldownTable.of(view, List.of(Figure.ISSUES_OPEN), new FigureFormat(messages), "/app");
        String cells = table.rows().get(0).cells();
        Markup.assertShownAsText(cells);
        assertThat(cells).contains("href=\"/app/issues?q=" + Markup.ESCAPED + "\"");
    }
}
