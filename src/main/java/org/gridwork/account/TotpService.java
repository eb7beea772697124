package org.gridwork.account;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional second factor: enrolment (secret shown as otpauth:// URI and QR code, confirmed by
 * a first code), verification at login, and ten one-time recovery codes for a lost phone.
 * Secrets are encrypted at rest like other sensitive fields; recovery codes are stored hashed.
 */
@Service
@Transactional(readOnly = true)
public class TotpService {

    static final String ISSUER = "Gridwork";
    private static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final FieldEncryptor encryptor;
    private final JdbcTemplate jdbc;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TotpService(AppUserRepository users, FieldEncryptor encryptor, JdbcTemplate jdbc, LoginThrottle throttle,
                ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.encryptor = encryptor;
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    public boolean enabled(long userId) {
        return load(userId).isTotpEnabled();
    }

    public boolean required(long userId) {
        return load(userId).isTotpRequired();
    }

    /** Starts (or restarts) enrolment with a fresh secret; answers the otpauth:// URI for the app. */
    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public String startEnrolment(long userId) {
        AppUser user = load(userId);
        String secret = Totp.newSecret();
        user.startTotpEnrolment(encryptor.encrypt(secret));
        return Totp.otpauthUri(ISSUER, user.getUsername(), secret);
    }

    /** The pending or active secret's URI (to redraw the QR code), without changing it. */
    public String currentUri(long userId) {
        AppUser user = load(userId);
        if (user.getTotpSecret() == null) {
            throw new NotFoundException("totp secret", userId);
        }
        return Totp.otpauthUri(ISSUER, user.getUsername(), encryptor.decrypt(user.getTotpSecret()));
    }

    /** Confirms enrolment with a code from the app; answers the recovery codes, or empty when the code is wrong. */
    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public List<String> confirmEnrolment(long userId, String code) {
        AppUser user = load(userId);
        if (user.getTotpSecret() == null || !useCode(userId, encryptor.decrypt(user.getTotpSecret()), code)) {
            return List.of();
        }
        user.enableTotp();
        events.publishEvent(AuditEvent.of("TOTP_ENABLED", "USER", userId, null));
        return newRecoveryCodes(userId);
    }

    /** Switches the second factor off (not allowed while an admin requires it: checked by the caller). */
    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public void disable(long userId) {
        load(userId).removeTotp();
        jdbc.update("delete from totp_recovery_code where user_id = ?", userId);
        events.publishEvent(AuditEvent.of("TOTP_DISABLED", "USER", userId, null));
    }

    /** Login's second step: a current code or an unused recovery code. Failures count towards the lockout. */
    @Transactional
    public boolean verifyAtLogin(long userId, String code, String address) {
        AppUser user = load(userId);
        boolean ok = user.isTotpEnabled()
                && (useCode(userId, encryptor.decrypt(user.getTotpSecret()), code) || useRecoveryCode(userId, code));
        if (ok) {
            throttle.recordSuccess(userId);
        } else {
            throttle.recordFailure(user.getUsername(), address);
        }
        events.publishEvent(new AuditEvent("LOGIN_SECOND_FACTOR", "USER", String.valueOf(userId), ok, null));
        return ok;
    }

    public boolean locked(long userId) {
        return load(userId).isLockedAt(clock.instant());
    }

    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public List<String> regenerateRecoveryCodes(long userId) {
        events.publishEvent(AuditEvent.of("TOTP_RECOVERY_CODES_RENEWED", "USER", userId, null));
        return newRecoveryCodes(userId);
    }

    private List<String> newRecoveryCodes(long userId) {
        jdbc.update("delete from totp_recovery_code where user_id = ?", userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomCode();
            codes.add(code);
            jdbc.update("insert into totp_recovery_code (user_id, code_hash) values (?, ?)", userId, hash(code));
        }
        return codes;
    }

    /**
     * A code is good once: its time step must be later than the last one accepted for this user
     * (RFC 6238 section 5.2). The check and the update are one statement, so two logins racing with
     * the same code cannot both win.
     */
    private boolean useCode(long userId, String secret, String code) {
        java.util.OptionalLong step = Totp.matchedStep(secret, code, clock.instant());
        return step.isPresent() && jdbc.update("insert into totp_used_step (user_id, step) values (?, ?)"
                + " on conflict (user_id) do update set step = excluded.step where totp_used_step.step < excluded.step",
                userId, step.getAsLong()) == 1;
    }

    private boolean useRecoveryCode(long userId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String normalised = code.strip().toLowerCase().replace(" ", "");
        return jdbc.update("update totp_recovery_code set used_at = now() where user_id = ? and code_hash = ? and used_at is null",
                userId, hash(normalised)) == 1;
    }

    private static String randomCode() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            s.append(i == 5 ? '-' : alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }
}
