package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridwork.dashboard.DashboardService;
import org.gridwork.dashboard.DashboardView;
import org.gridwork.dashboard.FigureValues;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The chain's figures (issue 21) on the county supervisor's dashboard, at the county, the town,
 * its villages and grids: each opens a list whose count is the figure, and the demo's whistle
 * shows the department that did not report in time.
 */
@IntegrationTest
class EscalationFiguresTest {

    static final List<Figure> CHAIN = List.of(Figure.ISSUES_AT_COUNTY, Figure.ISSUES_HANDLED_AT_COUNTY,
            Figure.WHISTLE_RESPONSE, Figure.WHISTLE_MISSED, Figure.TASKS_OUTSIDE_LIST);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired DashboardService dashboard;

    private final List<String> checked = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyChainFigureAtEveryLevelOpensAListOfThatManyItems() throws Exception {
        SecondTown.actAs(users, "county");
        dashboard.refreshNow();
        YearMonth month = dashboard.month(null);
        DashboardView county = dashboard.view("130528", month);
        assertThat(county.totals().count(Figure.ISSUES_AT_COUNTY)).isPositive();
        assertThat(county.totals().count(Figure.WHISTLE_MISSED)).isPositive();
        assertThat(county.totals().count(Figure.TASKS_OUTSIDE_LIST)).isPositive();
        walk("130528", month, 0);
        assertThat(mismatches).as("figures whose list disagrees").isEmpty();
        assertThat(checked.size()).as("county, town, village, its two grids").isGreaterThanOrEqualTo(5 * CHAIN.size());

        String missed = page(county.listUrls().get(Figure.WHISTLE_MISSED));
        assertThat(missed).contains("宁晋县市场监督管理局").doesNotContain("邢台市生态环境局宁晋县分局");
    }

    private void walk(String nodeCode, YearMonth month, int depth) throws Exception {
        SecondTown.actAs(users, "county");
        DashboardView view = dashboard.view(nodeCode, month);
        for (Figure f : CHAIN) {
            compare(view.node().code(), f, view.totals(), view.listUrls().get(f));
        }
        if (depth < 3) {
            for (DashboardView.Child child : view.children()) {
                if (depth < 1 || child.node().code().startsWith("130528112201")) {
                    walk(child.node().code(), month, depth + 1);
                }
            }
        }
    }

    private void compare(String where, Figure f, FigureValues values, String url) throws Exception {
        assertThat(url).as(where + " " + f + " has a list").isNotNull();
        String page = page(url);
        long expected;
        long actual;
        switch (f) {
            case ISSUES_AT_COUNTY, ISSUES_HANDLED_AT_COUNTY -> {
                expected = values.count(f);
                actual = attr(page, "issue-count", "data-count");
            }
            case WHISTLE_RESPONSE -> {
                expected = values.base(f);
                actual = attr(page, "whistle-totals", "data-due");
                if (values.numerator(f) != attr(page, "whistle-totals", "data-on-time")) {
                    mismatches.add(where + " " + f + " on time " + values.numerator(f) + " " + url);
                }
            }
            case WHISTLE_MISSED -> {
                expected = values.count(f);
                actual = attr(page, "whistle-totals", "data-missed");
            }
            case TASKS_OUTSIDE_LIST -> {
                expected = values.count(f);
                actual = attr(page, "outside-total", "data-count");
            }
            default -> throw new IllegalStateException(f.name());
        }
        checked.add(where + " " + f);
        if (expected != actual) {
            mismatches.add(where + " " + f + " figure " + expected + " but list " + actual + " " + url);
        }
    }

    private String page(String url) throws Exception {
        MvcResult r = mvc.perform(get(url).with(user(users.loadUserByUsername("county")))).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private static long attr(String page, String id, String attribute) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*" + attribute + "=\"(\\d+)\"|" + attribute + "=\"(\\d+)\"[^>]*id=\"" + id + "\"")
                .matcher(page);
        assertThat(m.find()).as(id + " " + attribute).isTrue();
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
    }
}
