package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class GridLocatorTest {

    @Autowired
    GridLocator locator;

    @Test
    void aPointInsideAGridResolvesToIt() {
        // 侯口一村 spans 115.02..115.05 E, 37.575..37.60 N; its west grid is 001
        assertThat(locator.locate(115.03, 37.59)).get().extracting(GridSummary::code).isEqualTo("130528112201-001");
        assertThat(locator.locate(115.045, 37.59)).get().extracting(GridSummary::code).isEqualTo("130528112201-002");
    }

    @Test
    void aPointOnASharedEdgeGoesToTheGridWithTheSmallerCode() {
        assertThat(locator.locate(115.035, 37.59)).get().extracting(GridSummary::code).isEqualTo("130528112201-001");
    }

    @Test
    void aPointOutsideEveryGridResolvesToNone() {
        assertThat(locator.locate(116.0, 39.9)).isEmpty();
    }
}
