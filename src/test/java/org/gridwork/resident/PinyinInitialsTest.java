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
}
