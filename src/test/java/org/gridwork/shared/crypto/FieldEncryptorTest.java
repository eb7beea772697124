package org.gridwork.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.gridwork.shared.MissingSettingException;
import org.junit.jupiter.api.Test;

class FieldEncryptorTest {

    private static final String K1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String K2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @Test
    void encryptsToTextThatHoldsNoPlainValueAndDecryptsBack() {
        FieldEncryptor e = new FieldEncryptor(new FieldEncryptor.Settings("k1", Map.of("k1", K1), K2));
        String stored = e.encrypt("13052819800101123X");
        assertThat(stored).startsWith("k1:").doesNotContain("130528");
        assertThat(e.encrypt("13052819800101123X")).as("random IV each time").isNotEqualTo(stored);
        assertThat(e.decrypt(stored)).isEqualTo("13052819800101123X");
        assertThat(e.blindIndex("13052819800101123X")).isEqualTo(e.blindIndex("13052819800101123X")).hasSize(64);
    }

    @Test
    void oldValuesStillDecryptAfterTheActiveKeyRotates() {
        FieldEncryptor before = new FieldEncryptor(new FieldEncryptor.Settings("k1", Map.of("k1", K1), K2));
        String old = before.encrypt("13800138000");
        FieldEncryptor after = new FieldEncryptor(new FieldEncryptor.Settings("k2", Map.of("k1", K1, "k2", K2), K2));
        assertThat(after.decrypt(old)).isEqualTo("13800138000");
        assertThat(after.needsRotation(old)).isTrue();
        assertThat(after.encrypt("13800138000")).startsWith("k2:");
    }

    @Test
    void missingKeysStopStartUpWithWhatToSet() {
        assertThatThrownBy(() -> new FieldEncryptor(new FieldEncryptor.Settings("", Map.of("demo1", ""), "")))
                .isInstanceOf(MissingSettingException.class)
                .satisfies(ex -> assertThat(((MissingSettingException) ex).action()).contains("GRIDWORK_CRYPTO_ACTIVE_KEY"));
    }
}
