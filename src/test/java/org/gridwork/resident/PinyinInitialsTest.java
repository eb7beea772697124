package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinInitialsTest {

    @Test
    void commonNamesGiveTheirInitials() {
        assertThat(PinyinInitials.of("张三")).isEqualTo("zs");
        assertThat(PinyinInitials.of("王小明")).isEqualTo("wxm");
        assertThat(PinyinInitials.of("侯口")).isEqualTo("hk");
        assertThat(PinyinInitials.of("欧阳秀英")).isEqualTo("oyxy");
        assertThat(PinyinInitials.of("李Lily")).isEqualTo("llily");
    }

    @Test
    void levelTwoCharactersOfGivenNamesHaveTheirInitials() {
        assertThat(PinyinInitials.of("张梓萱")).isEqualTo("zzx");
        assertThat(PinyinInitials.of("刘鑫")).isEqualTo("lx");
        assertThat(PinyinInitials.of("王昊天")).isEqualTo("wht");
        assertThat(PinyinInitials.of("李沐宸")).isEqualTo("lmc");
    }

    @Test
    void surnamesAreReadAsSurnames() {
        assertThat(PinyinInitials.of("单田芳")).isEqualTo("stf");
        assertThat(PinyinInitials.of("曾国藩")).isEqualTo("zgf");
        assertThat(PinyinInitials.of("解缙")).isEqualTo("xj");
        assertThat(PinyinInitials.of("区志强")).isEqualTo("ozq");
        assertThat(PinyinInitials.of("仇英")).isEqualTo("qy");
        assertThat(PinyinInitials.of("朴树")).isEqualTo("ps");
        assertThat(PinyinInitials.of("查良镛")).isEqualTo("zly");
        // the same characters inside a given name keep their usual reading
        assertThat(PinyinInitials.of("王单")).isEqualTo("wd");
    }

    @Test
    void everyReadingOfAPolyphonicNameIsASearchKeyWithEachOfItsBeginnings() {
        assertThat(PinyinInitials.keys("单田芳")).startsWith("s", "st", "stf").contains("d", "dt", "dtf");
        assertThat(PinyinInitials.keys("曾国藩")).contains("zgf", "cgf");
        assertThat(PinyinInitials.keys("刘鑫")).containsExactly("l", "lx");
    }
}
