package org.gridwork.care.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridwork.shared.text.PinyinOrder;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18: a staff member's "today" list reads overdue first, then by due date, and on one day by
 * name in the register's pinyin order, not by character code (侯, 刘, 吴 … 曹).
 */
@IntegrationTest
class TodayOrderTest {

    @Autowired
    PinyinOrder pinyin;
    @Autowired
    JdbcTemplate jdbc;

    private static TodayItem visit(String name, LocalDate due, boolean overdue) {
        return new TodayItem("VISIT", name, "", due, overdue, "/visits/new");
    }

    @Test
    void onOneDayNamesFollowThePinyinOfTheRegisterAfterWhateverIsOverdue() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        List<TodayItem> items = new ArrayList<>(List.of(visit("张梓萱", today, false), visit("刘鑫", today, false),
                visit("吴", today, false), visit("单田芳", today, false), visit("侯", today, false), visit("曹", today, false),
                visit("张三", today.minusDays(3), true), visit("鑫", today.plusDays(1), false)));
        items.sort(org.gridwork.shared.today.TodayList.order(pinyin.of(items.stream().map(TodayItem::title).toList())));
        // 单 sorts under d, as in the register (PostgreSQL's zh-x-icu reads it dān); its initials
        // search finds it by s too (PinyinInitials)
        assertThat(items).extracting(TodayItem::title)
                .containsExactly("张三", "曹", "单田芳", "侯", "刘鑫", "吴", "张梓萱", "鑫");
        List<String> register = jdbc.queryForList("select n from unnest(array['张梓萱','刘鑫','吴','单田芳','侯','曹']) n"
                + " order by n collate \"zh-x-icu\"", String.class);
        assertThat(register).as("the register's own order").containsExactly("曹", "单田芳", "侯", "刘鑫", "吴", "张梓萱");
    }
}
