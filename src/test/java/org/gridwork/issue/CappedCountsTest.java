package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.cache.caffeine.CaffeineCache;

import com.github.benmanes.caffeine.cache.Caffeine;

class CappedCountsTest {

    private final CappedCounts counts = new CappedCounts(new CaffeineCache("capped", Caffeine.newBuilder().build()));
    private final AtomicInteger counted = new AtomicInteger();

    private long count(String scope, long actual) {
        return counts.count("select count(*) ...", new Object[] {new Long[] {1L, 2L}, scope}, 10_000, () -> {
            counted.incrementAndGet();
            return actual;
        });
    }

    @Test
    void countsUnderTheCapAreCountedEveryTime() {
        assertThat(count("a", 42)).isEqualTo(42);
        assertThat(count("a", 43)).isEqualTo(43);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aCountPastTheCapIsRememberedForItsStatementAndArgumentsOnly() {
        assertThat(count("a", 10_001)).isEqualTo(10_001);
        assertThat(count("a", 10_001)).isEqualTo(10_001);
        assertThat(counted).hasValue(1);
        // another scope (or filter) is counted on its own
        assertThat(count("b", 7)).isEqualTo(7);
        assertThat(counted).hasValue(2);
    }
}
