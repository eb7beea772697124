package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gridwork.support.Browser;
import org.gridwork.support.BrowserTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18: on a 360 px phone nothing is wider than the screen, on every page each role reaches
 * (the menu's pages and the detail pages behind them), in Chinese and English; list rows and
 * actions are tall enough to tap (44 px).
 */
class PhoneFitBrowserTest extends BrowserTestSupport {

    static final int PHONE = 360;
    static final int TAP = 44;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"staff,zh_CN", "staff,en", "supervisor,zh_CN", "supervisor,en", "handler,zh_CN", "handler,en",
            "admin,zh_CN", "admin,en"})
    void everyPageFitsA360PxPhone(String username, String language) {
        Browser.phone();
        useLanguage(language);
        loginAs(username);
        List<String> tooWide = new ArrayList<>();
        List<String> tooSmall = new ArrayList<>();
        for (String path : pagesOf(username)) {
            open(path);
            if (path.equals("/today")) {
                Browser.screenshot("phone-fit-today-" + username + "-" + language);
            }
            long width = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            if (width > PHONE) {
                tooWide.add(path + " is " + width + " px wide; widest: " + js(WIDEST));
            }
            Object small = js(SMALL_TAPS, TAP);
            if (small != null && !small.toString().isEmpty()) {
                tooSmall.add(path + ": " + small);
            }
        }
        Browser.screenshot("phone-fit-" + username + "-" + language);
        assertThat(tooWide).as("pages wider than a 360 px phone").isEmpty();
        assertThat(tooSmall).as("list rows and actions under 44 px tall").isEmpty();
    }

    /** The menu's pages, the landing page, /me, and one of each detail page the role can open. */
    private Set<String> pagesOf(String username) {
        Set<String> pages = new LinkedHashSet<>();
        pages.add(path(browser.getCurrentUrl()));
        pages.add("/me");
        for (WebElement a : browser.findElements(By.cssSelector("nav a[href^='/'], nav a[href^='http://localhost']"))) {
            String href = path(a.getAttribute("href"));
            if (!href.isEmpty() && !href.equals("#") && !href.contains("logout") && !href.startsWith("/login")
                    && !href.contains("export") && !href.contains("lang=")) {
                pages.add(href);
            }
        }
        long userId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
        switch (username) {
            case "staff" -> {
                first("select r.id from resident r join grid_staff s on s.grid_id = r.grid_id where s.user_id = ?"
                        + " order by r.id limit 1", userId).ifPresent(id -> pages.add("/residents/" + id));
                first("select v.id from visit v where v.staff_user_id = ? order by v.id desc limit 1", userId)
                        .ifPresent(id -> pages.add("/visits/" + id));
                first("select i.id from issue i where i.reporter_id = ? order by i.id desc limit 1", userId)
                        .ifPresent(id -> pages.add("/issues/" + id));
                pages.add("/visits/new");
                pages.add("/issues/new");
            }
            case "supervisor", "admin" -> {
                first("select id from issue order by id desc limit 1").ifPresent(id -> pages.add("/issues/" + id));
                first("select id from task order by id desc limit 1").ifPresent(id -> pages.add("/tasks/" + id));
            }
            case "handler" -> first("select i.id from issue i join app_user u on u.department_id = i.assignee_department_id"
                    + " where u.id = ? order by i.id desc limit 1", userId).ifPresent(id -> pages.add("/issues/" + id));
            default -> { }
        }
        return pages;
    }

    private java.util.Optional<Long> first(String sql, Object... args) {
        try {
            return jdbc.queryForList(sql, Long.class, args).stream().findFirst();
        } catch (org.springframework.dao.DataAccessException e) {
            return java.util.Optional.empty(); // a table or column this test guessed wrong: the other pages still count
        }
    }

    private String path(String url) {
        String prefix = "http://localhost:" + port;
        return url.startsWith(prefix) ? url.substring(prefix.length()) : url;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The element that sticks out furthest, to say what to fix. */
    private static final String WIDEST = """
            let worst = null, right = document.documentElement.clientWidth;
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > right + 0.5) { right = r.right; worst = e; }
            }
            return worst ? worst.tagName + '.' + worst.className + '#' + worst.id + ' right=' + Math.round(right) : 'none';
            """;

    /** Visible list rows and actions in the page's content (not the menu) shorter than the argument. */
    private static final String SMALL_TAPS = """
            const min = arguments[0], found = [];
            const selector = 'main .list-group-item-action, main a.list-group-item, main .btn, main table td > a:first-child,'
                + ' main .page-link';
            for (const e of document.querySelectorAll(selector)) {
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.height > 0 && r.height < min - 0.5 && getComputedStyle(e).visibility !== 'hidden'
                  && !e.classList.contains('btn-close')) {
                found.push((e.id || e.className || e.tagName) + ' "' + e.textContent.trim().slice(0, 12) + '" ' + Math.round(r.height) + 'px');
              }
            }
            return found.slice(0, 8).join('; ');
            """;
}
