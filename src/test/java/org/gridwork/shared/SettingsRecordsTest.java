package org.gridwork.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.gridwork.shared.events.EventSettings;
import org.gridwork.shared.photo.PhotoSettings;
import org.gridwork.shared.web.MapTiles;
import org.gridwork.shared.web.UploadSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** Settings are records with their defaults in one place (issue 17); older spellings still bind. */
class SettingsRecordsTest {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    @Test
    void unsetSettingsTakeTheDefaultsTheReadmeStates() {
        PhotoSettings photos = bind("gridwork.photos", PhotoSettings.class, Map.of());
        assertThat(photos.maxBytes()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(photos.decodeBudgetMb()).isEqualTo(256);
        assertThat(photos.decodeWait()).isEqualTo(Duration.ofSeconds(30));
        UploadSettings uploads = bind("gridwork.uploads", UploadSettings.class, Map.of());
        assertThat(uploads.maxSize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(uploads.divisionsMaxSize()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(bind("gridwork.map", MapTiles.class, Map.of()).tileUrl()).isEmpty();
        assertThat(bind("gridwork.events", EventSettings.class, Map.of()).resubmitAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aPlainNumberOfPhotoBytesStillMeansBytes() {
        assertThat(bind("gridwork.photos", PhotoSettings.class, Map.of("gridwork.photos.max-bytes", "2097152")).maxBytes())
                .isEqualTo(DataSize.ofMegabytes(2));
        assertThat(bind("gridwork.photos", PhotoSettings.class, Map.of("gridwork.photos.max-bytes", "5MB")).maxBytes())
                .isEqualTo(DataSize.ofMegabytes(5));
    }
}
