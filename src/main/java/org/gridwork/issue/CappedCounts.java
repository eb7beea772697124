package org.gridwork.issue;

import java.util.Arrays;
import java.util.function.LongSupplier;

import org.springframework.cache.Cache;

/**
 * Remembers, for a minute ({@link org.gridwork.shared.cache.GridworkCache#ISSUE_CAPPED_COUNTS}),
 * which list filters count past the cap: the list then says "more than 10,000" without counting
 * again. Counting to the cap reads 10,001 index entries, most of a county list's database time; a
 * count past the cap shows the same words whatever it is, so only a list falling back under the
 * cap within that minute shows "more than" a little longer. Counts under the cap are always
 * counted afresh.
 */
final class CappedCounts {

    private final Cache capped;

    CappedCounts(Cache capped) {
        this.capped = capped;
    }

    /** The count of this statement with these arguments (its scope among them), or the cap + 1. */
    long count(String sql, Object[] args, long cap, LongSupplier counter) {
        String key = sql + '\u0000' + Arrays.deepToString(args);
        if (capped.get(key) != null) {
            return cap + 1;
        }
        long count = counter.getAsLong();
        if (count > cap) {
            capped.put(key, Boolean.TRUE);
        }
        return count;
    }
}
