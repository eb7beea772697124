package org.gridwork.issue;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers, for a minute, which list filters count past the cap: the list then says "more than
 * 10,000" without counting again. Counting to the cap reads 10,001 index entries, most of a
 * county list's database time; a count past the cap shows the same words whatever it is, so
 * only a list falling back under the cap within that minute shows "more than" a little longer.
 * Counts under the cap are always counted afresh.
 */
final class CappedCounts {

    private static final long LIFETIME_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 2_000;

    private final Map<String, Long> cappedSince = new ConcurrentHashMap<>();

    /** The count of this statement with these arguments (its scope among them), or the cap + 1. */
    long count(String sql, Object[] args, long cap, LongSupplier counter) {
        String key = sql + '\u0000' + Arrays.deepToString(args);
        Long since = cappedSince.get(key);
        long now = System.nanoTime();
        if (since != null && now - since < LIFETIME_NANOS) {
            return cap + 1;
        }
        long count = counter.getAsLong();
        if (count > cap) {
            if (cappedSince.size() >= MAX_ENTRIES) {
                cappedSince.clear();
            }
            cappedSince.put(key, now);
        } else if (since != null) {
            cappedSince.remove(key);
        }
        return count;
    }
}
