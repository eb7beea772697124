package org.gridwork.resident;

import org.gridwork.shared.text.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.gridwork.shared.crypto.FieldEncryptor;
import org.gridwork.territory.GridScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the register's search SQL: always limited to the caller's grids, then by what the user
 * typed. Digits are tried as an exact ID or phone number through the blind index (the numbers
 * themselves are encrypted); anything else is a partial name (trigram index).
 */
@Component
class ResidentSearch {

    private final JdbcTemplate jdbc;
    private final FieldEncryptor crypto;

    ResidentSearch(JdbcTemplate jdbc, FieldEncryptor crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    ResidentPage page(GridScope scope, ResidentQuery query) {
        int size = Math.max(1, Math.min(query.size(), 200));
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + ResidentRows.COLUMNS + " from resident r where ");
        where(scope, query, sql, args);
        if (query.sort() == ResidentQuery.Sort.RECENT) {
            if (query.afterId() != null) {
                sql.append(" and r.id < ?");
                args.add(query.afterId());
            }
            sql.append(" order by r.id desc");
        } else {
            if (query.afterId() != null && query.afterName() != null) {
                sql.append(" and (r.name collate \"zh-x-icu\", r.id) > (?::text collate \"zh-x-icu\", ?)");
                args.add(query.afterName());
                args.add(query.afterId());
            }
            sql.append(" order by r.name collate \"zh-x-icu\", r.id"); // pinyin order (V75)
        }
        sql.append(" limit ").append(size + 1);
        List<ResidentSummary> found = jdbc.query(sql.toString(), ResidentRows.SUMMARY, args.toArray());
        boolean more = found.size() > size;
        return new ResidentPage(more ? found.subList(0, size) : found, more);
    }

    /** Every match in name order, streamed (exports). */
    void forEach(GridScope scope, ResidentQuery query, Consumer<ResidentSummary> each) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + ResidentRows.COLUMNS + " from resident r where ");
        where(scope, query, sql, args);
        sql.append(" order by r.grid_id, r.name collate \"zh-x-icu\", r.id");
        jdbc.query(sql.toString(), rs -> {
            each.accept(ResidentRows.summary(rs, 0));
        }, args.toArray());
    }

    private void where(GridScope scope, ResidentQuery query, StringBuilder sql, List<Object> args) {
        GridScope.Predicate inScope = scope.predicate("r.grid_id", null);
        sql.append(inScope.sql());
        args.addAll(inScope.args());
        if (query.gridId() != null) {
            sql.append(" and r.grid_id = ?");
            args.add(query.gridId());
        }
        if (query.areaId() != null) {
            // a town's or village's subtree: its grids (already limited to the caller's scope above)
            sql.append(" and r.grid_id in (select g.id from grid g join region a on a.id = ?"
                    + " where g.region_path like a.path || '%')");
            args.add(query.areaId());
        }
        if (query.status() != null) {
            sql.append(" and r.status = ?");
            args.add(query.status().name());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            sql.append(" and exists (select 1 from resident_tagging t where t.resident_id = r.id and t.tag_code = ?)");
            args.add(query.tag());
        }
        String q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty()) {
            String compact = IdNumber.normalise(q);
            if (compact.matches("\\d{17}[\\dX]")) {
                sql.append(" and r.id_number_index = ?");
                args.add(crypto.blindIndex(compact));
            } else if (compact.matches("\\+?\\(?\\d[\\d()-]{6,16}")) {
                String phone;
                try {
                    phone = PhoneNumber.e164(compact); // (010)1234-5678, +861012345678 ...: one hash
                } catch (RuntimeException e) {
                    phone = compact;
                }
                sql.append(" and r.phone_index = ?");
                args.add(crypto.blindIndex(phone));
            } else if (q.matches("[A-Za-z]{1,10}")) {
                // every reading of the initials and each beginning is a key (V75); rows the start-up
                // job has not reached yet still answer by their usual initials
                sql.append(" and (r.name_initials_keys @> array[?]::text[]"
                        + " or (r.name_initials_keys is null and r.name_initials like ?) or r.name ilike ?)");
                args.add(q.toLowerCase());
                args.add(q.toLowerCase() + "%");
                args.add("%" + like(q) + "%");
            } else {
                sql.append(" and resident_name_grams(r.name) @> ?::text[] and r.name ilike ?");
                args.add(grams(q));
                args.add("%" + like(q) + "%");
            }
        }
    }

    /** What resident_name_grams (V53) indexes: the query's neighbouring pairs, or its one character. */
    static String[] grams(String q) {
        String s = q.toLowerCase(java.util.Locale.ROOT);
        int[] cp = s.codePoints().toArray();
        if (cp.length == 1) {
            return new String[] {s};
        }
        String[] pairs = new String[cp.length - 1];
        for (int i = 0; i + 1 < cp.length; i++) {
            pairs[i] = new String(cp, i, 2);
        }
        return pairs;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
