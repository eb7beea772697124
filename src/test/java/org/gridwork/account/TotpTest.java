package org.gridwork.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B, HMAC-SHA1 column (8 digits, 30-second steps, ASCII key "1234567890" x2). */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesTheTestVectorsOfRfc6238(long seconds, String expected) {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, Totp.counterAt(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepOfDriftButNotMore() {
        String secret = Totp.newSecret();
        byte[] key = Totp.fromBase32(secret);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.counterAt(now);
        assertThat(Totp.verify(secret, Totp.code(key, step, 6), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(key, step - 1, 6), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(key, step + 1, 6), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(key, step - 3, 6), now)).isFalse();
        assertThat(Totp.verify(secret, "abcdef", now)).isFalse();
        assertThat(Totp.verify(secret, null, now)).isFalse();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.fromBase32("MZXW6YTBOI"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
    }

    @Test
    void otpauthUriNamesIssuerAndAccount() {
        assertThat(Totp.otpauthUri("Gridwork", "staff", "ABC"))
                .isEqualTo("otpauth://totp/Gridwork:staff?secret=ABC&issuer=Gridwork&algorithm=SHA1&digits=6&period=30");
    }
}
