package org.gridwork.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Every headline figure of the dashboard, at every level of the demo town (town, villages,
 * grids, and each row of each drill-down table), links to a list whose count is the figure.
 */
@IntegrationTest
class FiguresOpenTheirListsTest {

    private static final List<Figure> HEADLINE = List.of(Figure.ISSUES_OPEN, Figure.ISSUES_OVERDUE, Figure.ISSUES_ON_TIME,
            Figure.ISSUES_CLOSE_HOURS, Figure.CARE_COVERAGE, Figure.TASKS_OPEN, Figure.TASKS_OVERDUE,
            Figure.CAMPAIGN_PENDING);

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
    void everyFigureAtEveryLevelOpensAListOfThatManyItems() throws Exception {
        SecondTown.actAs(users, "supervisor");
        dashboard.refreshNow();
        YearMonth month = dashboard.month(null);
        walk(null, month);
        assertThat(mismatches).as("figures whose list disagrees").isEmpty();
        // the town, its 12 villages and 24 grids, each with its seven figures, and the table rows
        assertThat(checked.size()).isGreaterThan(37 * HEADLINE.size());
    }

    private void walk(String nodeCode, YearMonth month) throws Exception {
        SecondTown.actAs(users, "supervisor");
        DashboardView view = dashboard.view(nodeCode, month);
        String where = view.node().code();
        for (Figure f : HEADLINE) {
            compare(where, f, view.totals(), view.listUrls().get(f));
        }
        for (DashboardView.Child child : view.children()) {
            for (Figure f : HEADLINE) {
                compare(where + " row " + child.node().code(), f, child.figures(), child.listUrls().get(f));
            }
        }
        for (DashboardView.Child child : view.children()) {
            walk(child.node().code(), month);
        }
    }

    private void compare(String where, Figure f, FigureValues values, String url) throws Exception {
        assertThat(url).as(where + " " + f + " has a list").isNotNull();
        String page = page(url);
        long expected;
        long actual;
        switch (f) {
            case ISSUES_OPEN, ISSUES_OVERDUE -> {
                expected = values.count(f);
                actual = attr(page, "issue-count", "data-count");
            }
            case ISSUES_ON_TIME, ISSUES_CLOSE_HOURS -> {
                expected = values.base(f);
                actual = attr(page, "issue-count", "data-count");
            }
            case CARE_COVERAGE -> {
                if (url.startsWith("/care/coverage/")) { // a grid: the overdue people
                    expected = values.base(f) - values.numerator(f);
                    actual = page.contains("id=\"overdue-count\"") ? attr(page, "overdue-count", "data-count") : 0;
                } else {
                    expected = values.base(f);
                    actual = attr(page, "coverage-total", "data-people");
                    long covered = attr(page, "coverage-total", "data-covered");
                    if (covered != values.numerator(f)) {
                        mismatches.add(where + " " + f + " covered " + values.numerator(f) + " but list " + covered + " " + url);
                    }
                }
            }
            case TASKS_OPEN, TASKS_OVERDUE -> {
                expected = values.count(f);
                actual = page.contains("id=\"task-not-done\"") ? attr(page, "task-not-done", "data-count") : 0;
            }
            case CAMPAIGN_PENDING -> {
                expected = values.count(f);
                actual = attr(page, "target-count", "data-count");
            }
            default -> throw new IllegalStateException(f.name());
        }
        checked.add(where + " " + f);
        if (expected != actual) {
            mismatches.add(where + " " + f + " figure " + expected + " but list " + actual + " " + url);
        }
    }

    private String page(String url) throws Exception {
        MvcResult r = mvc.perform(get(url).with(user(users.loadUserByUsername("supervisor")))).andReturn();
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
