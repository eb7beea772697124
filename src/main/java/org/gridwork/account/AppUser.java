package org.gridwork.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "department_id")
    private Long departmentId;

    private String phone;

    private boolean enabled = true;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled")
    private boolean totpEnabled;

    @Column(name = "totp_required")
    private boolean totpRequired;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** Encrypted (FieldEncryptor); phoneIndex is its keyed hash for exact search. */
    @Column(name = "phone_index")
    private String phoneIndex;

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, String displayName, Role role, Long departmentId) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.departmentId = departmentId;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    Role getRole() {
        return role;
    }

    Long getDepartmentId() {
        return departmentId;
    }

    String getPhoneIndex() {
        return phoneIndex;
    }

    String getPhone() {
        return phone;
    }

    boolean isEnabled() {
        return enabled;
    }

    Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    int getFailedLogins() {
        return failedLogins;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    String getTotpSecret() {
        return totpSecret;
    }

    boolean isTotpEnabled() {
        return totpEnabled;
    }

    boolean isTotpRequired() {
        return totpRequired;
    }

    long getVersion() {
        return version;
    }

    /** A failed login: after maxFailures in a row the account is locked until now + lockFor. */
    boolean recordFailedLogin(int maxFailures, Instant now, java.time.Duration lockFor) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void unlock() {
        recordSuccessfulLogin();
    }

    void changePassword(String newHash, boolean temporary) {
        this.passwordHash = newHash;
        this.mustChangePassword = temporary;
        this.passwordChangedAt = Instant.now();
    }

    void describe(String displayName, Role role, Long departmentId) {
        this.displayName = displayName;
        this.role = role;
        this.departmentId = role == Role.HANDLER ? departmentId : null;
    }

    void setPhone(String encrypted, String index) {
        this.phone = encrypted;
        this.phoneIndex = index;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
        unlock();
    }

    void requireTotp(boolean required) {
        this.totpRequired = required;
    }

    /** Starts enrolment: a new secret that is not used until the user confirms a code from it. */
    void startTotpEnrolment(String encryptedSecret) {
        this.totpSecret = encryptedSecret;
        this.totpEnabled = false;
    }

    void enableTotp() {
        this.totpEnabled = true;
    }

    void removeTotp() {
        this.totpSecret = null;
        this.totpEnabled = false;
    }

    void moveToDepartment(Long departmentId) {
        this.departmentId = departmentId;
    }

    UserSummary summary() {
        return new UserSummary(id, username, displayName, role, departmentId, enabled);
    }
}
