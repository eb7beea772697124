package org.gridwork.shared.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

    @Test
    void isAVersion7UuidThatSortsByItsTime() {
        UUID earlier = TimeOrderedUuid.at(1_764_288_000_000L);
        UUID later = TimeOrderedUuid.at(1_764_288_000_001L);
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        // PostgreSQL orders uuids by their bytes, i.e. as the text sorts
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier.toString()).startsWith("019ac7c2-7000-7");
        assertThat(TimeOrderedUuid.next()).isNotEqualTo(TimeOrderedUuid.next());
    }
}
