package org.gridwork.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OldTimeZoneSettingsTest {

    @Test
    void anOldSettingStillSetsTheBusinessZone() {
        MockEnvironment env = new MockEnvironment().withProperty("gridwork.task.time-zone", "Asia/Urumqi");
        new OldTimeZoneSettings().postProcessEnvironment(env, null);
        assertThat(env.getProperty("gridwork.time-zone")).isEqualTo("Asia/Urumqi");
    }

    @Test
    void theNewSettingWinsOverAnOldOne() {
        MockEnvironment env = new MockEnvironment().withProperty("gridwork.time-zone", "Asia/Shanghai")
                .withProperty("gridwork.calendar.zone", "UTC");
        new OldTimeZoneSettings().postProcessEnvironment(env, null);
        assertThat(env.getProperty("gridwork.time-zone")).isEqualTo("Asia/Shanghai");
    }

    @Test
    void todayIsTheBeijingDayWhateverTheJvmZone() {
        // 2026-11-28 21:46 UTC is 05:46 on the 29th in Beijing
        Clock utc = Clock.fixed(Instant.parse("2026-11-28T21:46:00Z"), ZoneOffset.UTC);
        BusinessTime time = BusinessTime.of(utc, ZoneId.of("Asia/Shanghai"));
        assertThat(time.today()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(time.minutes(time.now())).isEqualTo("2026-11-29 05:46");
        assertThat(time.thisMonth().toString()).isEqualTo("2026-11");
    }
}
