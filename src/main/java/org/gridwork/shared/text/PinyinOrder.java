package org.gridwork.shared.text;

import java.sql.Array;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pinyin order for lists merged in Java (the "today" list gathers visits, issues and tasks from
 * several modules), exactly as the register orders names: PostgreSQL's ICU collation
 * {@code zh-x-icu} (V75). The JDK's Chinese collator puts the GB 2312 level-2 characters common in
 * given names (梓, 鑫, 萱) after every other name, and ICU4J is not on the class path for one
 * screen; the database ranks the list's distinct names in one statement instead.
 */
@Component
public class PinyinOrder {

    private final JdbcTemplate jdbc;

    PinyinOrder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A comparator of the given texts (others sort last) in pinyin order; no statement for fewer than two. */
    public Comparator<String> of(Collection<String> texts) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(texts.stream().filter(t -> t != null).toList()));
        if (distinct.size() < 2) {
            return Comparator.nullsLast(Comparator.naturalOrder());
        }
        Map<String, Integer> rank = new HashMap<>();
        jdbc.query(con -> {
            Array names = con.createArrayOf("text", distinct.toArray());
            var ps = con.prepareStatement("select n from unnest(?::text[]) n order by n collate \"zh-x-icu\", n");
            ps.setArray(1, names);
            return ps;
        }, rs -> {
            rank.put(rs.getString(1), rank.size());
        });
        return Comparator.comparing((String t) -> t == null ? null : rank.get(t),
                Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
