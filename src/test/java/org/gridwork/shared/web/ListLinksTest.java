package org.gridwork.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListLinksTest {

    private final ListLinks links = new ListLinks("/app/issues", "view=MINE&q=%E4%BA%95+%2B86&page=2&status=");

    @Test
    void changingAFilterKeepsTheOthersAndStartsAgainAtTheFirstPage() {
        assertThat(links.with("view", "ALL")).isEqualTo("/app/issues?view=ALL&q=%E4%BA%95%20%2B86");
    }

    @Test
    void pagingKeepsEveryFilterAsTyped() {
        assertThat(links.with("page", 3)).isEqualTo("/app/issues?view=MINE&q=%E4%BA%95%20%2B86&page=3");
    }

    @Test
    void aFilterIsRemovedWithoutLosingTheRest() {
        assertThat(links.without("q")).isEqualTo("/app/issues?view=MINE");
        assertThat(links.with("q", "")).isEqualTo("/app/issues?view=MINE");
    }

    @Test
    void aKeysetPositionMovesBothOfItsParametersTogether() {
        ListLinks residents = new ListLinks("/residents", "q=%3Cb%3E&sort=NAME");
        assertThat(residents.with("afterName", "王&1", "afterId", 7))
                .isEqualTo("/residents?q=%3Cb%3E&sort=NAME&afterName=%E7%8E%8B%261&afterId=7");
        assertThat(new ListLinks("/residents", null).without("afterName", "afterId")).isEqualTo("/residents");
    }
}
