package org.gridwork.account;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.text.PhoneNumber;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and departments: the account module's API to the others and to its admin screens. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private final AppUserRepository users;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final FieldEncryptor encryptor;
    private final SessionTerminator sessions;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    AccountService(AppUserRepository users, DepartmentRepository departments, PasswordEncoder passwordEncoder,
                   PasswordPolicy policy, FieldEncryptor encryptor, SessionTerminator sessions, LoginThrottle throttle,
                   ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.users = users;
        this.departments = departments;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.encryptor = encryptor;
        this.sessions = sessions;
        this.events = events;
    }

    /** For demo data and the first admin: the password is final (no change forced). */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public UserSummary createUser(String username, String rawPassword, String displayName, Role role, Long departmentId) {
        AppUser user = new AppUser(username, passwordEncoder.encode(rawPassword), displayName, role, departmentId);
        return users.save(user).summary();
    }

    /** An admin creates a user; the answer carries the temporary password to hand over once. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public NewPassword createUserByAdmin(String username, String displayName, Role role, Long departmentId,
                                         String phone, boolean requireTotp) {
        String name = username.strip();
        if (users.findByUsernameIgnoreCase(name).isPresent()) {
            throw new BusinessRuleException("account.user.usernameTaken", name);
        }
        checkDepartment(role, departmentId);
        String temporary = TemporaryPassword.generate();
        AppUser user = new AppUser(name, passwordEncoder.encode(temporary), displayName.strip(), role,
                role == Role.HANDLER ? departmentId : null);
        user.changePassword(user.getPasswordHash(), true);
        user.requireTotp(requireTotp);
        setPhone(user, phone);
        users.save(user);
        events.publishEvent(AuditEvent.of("USER_CREATED", "USER", user.getId(), name + " " + role));
        return new NewPassword(user.getId(), user.getUsername(), temporary);
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void updateUser(long id, String displayName, Role role, Long departmentId, String phone, boolean requireTotp) {
        AppUser user = load(id);
        checkDepartment(role, departmentId);
        Role before = user.getRole();
        user.describe(displayName.strip(), role, departmentId);
        user.requireTotp(requireTotp);
        setPhone(user, phone);
        events.publishEvent(AuditEvent.of("USER_CHANGED", "USER", id,
                before == role ? "role " + role : "role " + before + " -> " + role));
        if (before != role) {
            // the old role's rights must not live on in an open session
            sessions.endSessionsOf(user.getUsername());
        }
    }

    /** Disables the user and ends their sessions at once. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void disableUser(long id, long actingUserId) {
        if (id == actingUserId) {
            throw new BusinessRuleException("account.user.cannotDisableSelf");
        }
        AppUser user = load(id);
        user.disable();
        int ended = sessions.endSessionsOf(user.getUsername());
        events.publishEvent(AuditEvent.of("USER_DISABLED", "USER", id, ended + " session(s) ended"));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void enableUser(long id) {
        load(id).enable();
        events.publishEvent(AuditEvent.of("USER_ENABLED", "USER", id, null));
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void unlockUser(long id) {
        load(id).unlock();
        events.publishEvent(AuditEvent.of("USER_UNLOCKED", "USER", id, null));
    }

    /** A temporary password the user must change at the next login; their sessions end. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public NewPassword resetPassword(long id) {
        AppUser user = load(id);
        String temporary = TemporaryPassword.generate();
        user.changePassword(passwordEncoder.encode(temporary), true);
        user.unlock();
        sessions.endSessionsOf(user.getUsername());
        events.publishEvent(AuditEvent.of("PASSWORD_RESET", "USER", id, null));
        return new NewPassword(id, user.getUsername(), temporary);
    }

    /**
     * The user's own change; answers the message key of the problem, or empty when changed. A wrong
     * current password counts as a failed login (a stolen session must not guess it freely): when
     * it locks the account, every session of the user ends. A change ends the user's other
     * sessions, on every instance; {@code keptSessionId}, the one the change came from, stays.
     */
    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public Optional<String> changeOwnPassword(long userId, String currentPassword, String newPassword, String keptSessionId) {
        AppUser user = load(userId);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            if (throttle.recordFailure(user.getUsername(), null)) {
                sessions.endSessionsOf(user.getUsername());
            }
            return Optional.of("account.password.currentWrong");
        }
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            return Optional.of("account.password.same");
        }
        Optional<String> problem = policy.problem(user.getUsername(), newPassword);
        if (problem.isPresent()) {
            return problem;
        }
        user.changePassword(passwordEncoder.encode(newPassword), false);
        sessions.endOtherSessionsOf(user.getUsername(), keptSessionId);
        events.publishEvent(AuditEvent.of("PASSWORD_CHANGED", "USER", userId, null));
        return Optional.empty();
    }

    /**
     * The user's password, asked again before a change that weakens the account (second factor off,
     * new recovery codes). A wrong one counts as a failed login; the lock ends the user's sessions.
     */
    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public boolean confirmPassword(long userId, String password) {
        AppUser user = load(userId);
        if (password != null && !password.isEmpty() && passwordEncoder.matches(password, user.getPasswordHash())) {
            return true;
        }
        if (throttle.recordFailure(user.getUsername(), null)) {
            sessions.endSessionsOf(user.getUsername());
        }
        return false;
    }

    public boolean mustChangePassword(long userId) {
        return load(userId).isMustChangePassword();
    }

    public Page<UserDetail> searchUsers(String text, Role role, Boolean enabled, Pageable pageable) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
        return users.search(like, role, enabled, pageable).map(this::detail);
    }

    public UserDetail userDetail(long id) {
        return detail(load(id));
    }

    /** Exact search by phone number through its keyed hash (the number itself is encrypted). */
    public List<UserSummary> findByPhone(String phone) {
        String e164;
        try {
            e164 = PhoneNumber.e164(phone);
        } catch (BusinessRuleException notANumber) {
            return List.of();
        }
        return e164 == null ? List.of()
                : users.findByPhoneIndex(encryptor.blindIndex(e164)).stream().map(AppUser::summary).toList();
    }

    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsernameIgnoreCase(username).map(AppUser::summary);
    }

    public Optional<UserSummary> findUser(long id) {
        return users.findById(id).map(AppUser::summary);
    }

    public List<UserSummary> findUsers(Collection<Long> ids) {
        return users.findByIdIn(ids).stream().map(AppUser::summary).toList();
    }

    public List<UserSummary> usersWithRole(Role role) {
        return users.findByRoleOrderByUsername(role).stream().map(AppUser::summary).toList();
    }

    public long countUsers() {
        return users.count();
    }

    // ---- departments

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public DepartmentSummary createDepartment(String code, String name) {
        return createDepartment(code, name, CommandLevel.TOWN, null);
    }

    /** A department of a level (county bureau or town office) serving a region (by id, optional). */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public DepartmentSummary createDepartment(String code, String name, CommandLevel level, Long regionId) {
        String c = code.strip();
        if (departments.existsByCodeIgnoreCase(c)) {
            throw new BusinessRuleException("account.department.codeTaken", c);
        }
        if (level != CommandLevel.COUNTY && level != CommandLevel.TOWN) {
            throw new BusinessRuleException("account.department.levelRequired");
        }
        DepartmentSummary created = departments.save(new Department(c, name.strip(), level, regionId)).summary();
        events.publishEvent(AuditEvent.of("DEPARTMENT_CREATED", "DEPARTMENT", created.id(), c));
        return created;
    }

    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void updateDepartment(long id, String name, boolean active) {
        updateDepartment(id, name, active, null);
    }

    /** Renames, (de)activates and, when a level is given, moves the department to that level. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void updateDepartment(long id, String name, boolean active, CommandLevel level) {
        Department d = departments.findById(id).orElseThrow(() -> new NotFoundException("department", id));
        if (level != null && level != CommandLevel.COUNTY && level != CommandLevel.TOWN) {
            throw new BusinessRuleException("account.department.levelRequired");
        }
        if (level != null) {
            d.placeAt(level);
        }
        d.rename(name.strip());
        d.setActive(active);
        events.publishEvent(AuditEvent.of("DEPARTMENT_CHANGED", "DEPARTMENT", id, active ? "active" : "inactive"));
    }

    public DepartmentSummary department(long id) {
        return departments.findById(id).map(Department::summary).orElseThrow(() -> new NotFoundException("department", id));
    }

    public List<DepartmentSummary> departments() {
        return departments.findAllByOrderByName().stream().map(Department::summary).toList();
    }

    public Optional<DepartmentSummary> findDepartmentByCode(String code) {
        return departments.findByCode(code).map(Department::summary);
    }

    /** Puts a HANDLER user in a department (or none); their issue scope follows at once. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void assignDepartment(long userId, Long departmentId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new org.gridwork.shared.NotFoundException("user", userId));
        if (departmentId != null && !departments.existsById(departmentId)) {
            throw new org.gridwork.shared.NotFoundException("department", departmentId);
        }
        user.moveToDepartment(departmentId);
    }

    // ----

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    private void checkDepartment(Role role, Long departmentId) {
        if (role == Role.HANDLER && (departmentId == null || !departments.existsById(departmentId))) {
            throw new BusinessRuleException("account.user.departmentRequired");
        }
    }

    /**
     * Like residents' numbers (issue 18): read by libphonenumber, kept encrypted in the form people
     * read (13812345678, 010-12345678) and hashed in E.164, so that 010-12345678, 01012345678 and
     * +86 10 1234 5678 are one number to the exact search. Anything else is refused with a message.
     */
    private void setPhone(AppUser user, String phone) {
        String readable = PhoneNumber.parse(phone);
        user.setPhone(readable == null ? null : encryptor.encrypt(readable),
                readable == null ? null : encryptor.blindIndex(PhoneNumber.e164(readable)));
    }

    /**
     * Users' numbers stored before they were normalised: each decrypted, normalised and hashed
     * again (a few thousand accounts at most, so at every start; a number already normalised is
     * left alone, one that does not parse stays as it was until an admin edits it).
     */
    @Transactional
    public int normaliseStoredPhones() {
        int done = 0;
        for (AppUser u : users.findAll()) {
            if (u.getPhone() == null) {
                continue;
            }
            try {
                String plain = encryptor.decrypt(u.getPhone());
                String readable = PhoneNumber.parse(plain);
                String index = readable == null ? null : encryptor.blindIndex(PhoneNumber.e164(readable));
                if (readable != null && (!readable.equals(plain) || !index.equals(u.getPhoneIndex()))) {
                    u.setPhone(encryptor.encrypt(readable), index);
                    done++;
                }
            } catch (RuntimeException e) {
                // kept as it was: an admin fixes it when they next edit the user
            }
        }
        return done;
    }

    private UserDetail detail(AppUser u) {
        return new UserDetail(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.getDepartmentId(),
                encryptor.decrypt(u.getPhone()), u.isEnabled(), u.isLockedAt(Instant.now()), u.isTotpEnabled(),
                u.isTotpRequired(), u.isMustChangePassword(), u.getCreatedAt());
    }

    /** A password shown once to the admin who created or reset the account. */
    public record NewPassword(long userId, String username, String password) implements java.io.Serializable {
    }
}
