package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridwork.shared.time.BusinessTime;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class WeeklyChartTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired BusinessTime time;

    @Test
    void theWeeklyChartHasTwelveWeeksAndAWeekWithoutIssuesIsZero() throws Exception {
        // one grid: most of its weeks have no issue at all
        String page = mvc.perform(get("/dashboard").param("node", "130528112212-002")
                .with(user(users.loadUserByUsername("supervisor")))).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"chart-weekly\"[^>]*data-chart=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("the weekly chart is drawn").isTrue();
        JsonNode chart = JsonMapper.builder().build().readTree(HtmlUtils.htmlUnescape(m.group(1)));
        List<String> labels = new ArrayList<>();
        chart.get("data").get("labels").forEach(l -> labels.add(l.asText()));
        assertThat(labels).hasSize(12);
        LocalDate thisWeek = BusinessTime.weekOf(time.today());
        assertThat(labels.get(11)).isEqualTo(thisWeek.toString());
        assertThat(labels.get(0)).isEqualTo(thisWeek.minusWeeks(11).toString());
        for (JsonNode set : chart.get("data").get("datasets")) {
            assertThat(set.get("data")).hasSize(12);
        }
        List<Long> reported = new ArrayList<>();
        chart.get("data").get("datasets").get(0).get("data").forEach(v -> reported.add(v.asLong()));
        assertThat(reported).contains(0L);
    }
}
