package org.gridwork.shared.today;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gridwork.shared.text.PinyinOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's "today": everything any module puts on their list (visits due, issues, tasks,
 * campaigns), overdue first, then by due date, oldest first; on one day, by name in the register's
 * pinyin order (曹, 侯, 刘, 吴, 张), as staff look a person up in any Chinese list. Gathered in one
 * read-only transaction: a transaction per module cost the county's busiest page five connection
 * checkouts and five Hibernate sessions per view. The home page counts the same items.
 */
@Service
public class TodayList {

    private final List<TodaySource> sources;
    private final PinyinOrder pinyin;

    TodayList(List<TodaySource> sources, PinyinOrder pinyin) {
        this.sources = sources;
        this.pinyin = pinyin;
    }

    /** Overdue first, then the oldest due date, then by title in the given (pinyin) order. */
    public static Comparator<TodayItem> order(Comparator<String> titles) {
        return Comparator.comparing((TodayItem i) -> !i.overdue())
                .thenComparing(TodayItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TodayItem::title, titles)
                .thenComparing(TodayItem::kind);
    }

    /** The list in its order. */
    @Transactional(readOnly = true)
    public List<TodayItem> itemsFor(long userId) {
        List<TodayItem> items = unordered(userId);
        items.sort(order(pinyin.of(items.stream().map(TodayItem::title).toList())));
        return items;
    }

    /** The same items in no particular order (for counting them: no pinyin statement). */
    @Transactional(readOnly = true)
    public List<TodayItem> unordered(long userId) {
        List<TodayItem> items = new ArrayList<>();
        sources.forEach(s -> items.addAll(s.itemsFor(userId)));
        return items;
    }
}
