package org.gridwork.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and departments: the account module's API to the others. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private final AppUserRepository users;
    private final DepartmentRepository departments;
    private final PasswordEncoder passwordEncoder;

    AccountService(AppUserRepository users, DepartmentRepository departments, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.departments = departments;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public UserSummary createUser(String username, String rawPassword, String displayName, Role role, Long departmentId) {
        AppUser user = new AppUser(username, passwordEncoder.encode(rawPassword), displayName, role, departmentId);
        return users.save(user).summary();
    }

    @Transactional
    public DepartmentSummary createDepartment(String code, String name) {
        return departments.save(new Department(code, name)).summary();
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

    public List<DepartmentSummary> departments() {
        return departments.findAllByOrderByName().stream().map(Department::summary).toList();
    }

    public Optional<DepartmentSummary> findDepartmentByCode(String code) {
        return departments.findByCode(code).map(Department::summary);
    }

    /** Puts a HANDLER user in a department (or none); their issue scope follows at once. */
    @Transactional
    public void assignDepartment(long userId, Long departmentId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new org.gridwork.shared.NotFoundException("user", userId));
        if (departmentId != null && !departments.existsById(departmentId)) {
            throw new org.gridwork.shared.NotFoundException("department", departmentId);
        }
        user.moveToDepartment(departmentId);
    }

    public long countUsers() {
        return users.count();
    }
}
