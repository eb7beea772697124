package org.gridwork.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.gridwork.shared.MissingSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields (ID numbers, phone numbers) at rest with AES-256-GCM, and computes a
 * keyed hash (HMAC-SHA256 "blind index") so they stay searchable by exact value.
 * Stored form: {@code keyId:base64(iv || ciphertext+tag)}; the key id lets keys rotate: new
 * values use the active key, old ones still decrypt with theirs.
 */
@Component
@EnableConfigurationProperties(FieldEncryptor.Settings.class)
public class FieldEncryptor {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecretKeySpec indexKey;

    FieldEncryptor(Settings settings) {
        if (settings.keys() != null) {
            // blank entries are keys switched off (the prod profile blanks the demo key)
            settings.keys().forEach((id, b64) -> {
                if (b64 != null && !b64.isBlank()) {
                    keys.put(id, aesKey(id, b64));
                }
            });
        }
        if (keys.isEmpty() || isBlank(settings.activeKey()) || isBlank(settings.indexKey())) {
            throw new MissingSettingException("No encryption keys for personal data are configured.",
                    "Set GRIDWORK_CRYPTO_ACTIVE_KEY (a key id), GRIDWORK_CRYPTO_KEYS_<ID> (base64 of 32 random bytes)"
                            + " and GRIDWORK_CRYPTO_INDEX_KEY (base64 of 32 random bytes), e.g. from 'openssl rand -base64 32'.");
        }
        if (!keys.containsKey(settings.activeKey())) {
            throw new MissingSettingException("The active encryption key '" + settings.activeKey() + "' is not among the keys.",
                    "Set GRIDWORK_CRYPTO_KEYS_" + settings.activeKey().toUpperCase() + " or choose another GRIDWORK_CRYPTO_ACTIVE_KEY.");
        }
        this.activeKeyId = settings.activeKey();
        this.indexKey = new SecretKeySpec(Base64.getDecoder().decode(settings.indexKey()), "HmacSHA256");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static SecretKeySpec aesKey(String id, String b64) {
        byte[] raw = Base64.getDecoder().decode(b64);
        if (raw.length != 32) {
            throw new MissingSettingException("Encryption key '" + id + "' is not 32 bytes.",
                    "Generate one with 'openssl rand -base64 32'.");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** Encrypts a value; null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts a value written by {@link #encrypt}; null stays null. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("no key for stored value (key id unknown)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** Keyed hash for exact search; callers normalise first (upper-case X, no spaces). */
    public String blindIndex(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /** True when the value was written with an older key and should be re-encrypted. */
    public boolean needsRotation(String stored) {
        return stored != null && !stored.startsWith(activeKeyId + ":");
    }

    @ConfigurationProperties("gridwork.crypto")
    public record Settings(String activeKey, Map<String, String> keys, String indexKey) {
    }
}
