package org.gridwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.account.TotpService;
import org.gridwork.audit.AuditService;
import org.gridwork.calendar.CalendarService;
import org.gridwork.care.CareService;
import org.gridwork.dashboard.DashboardService;
import org.gridwork.issue.CategoryService;
import org.gridwork.issue.IssueService;
import org.gridwork.issue.PublicReports;
import org.gridwork.notification.NotificationService;
import org.gridwork.resident.Households;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentTags;
import org.gridwork.resident.ResidentTransferService;
import org.gridwork.shared.security.Authorities;
import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.task.TaskService;
import org.gridwork.territory.Boundaries;
import org.gridwork.territory.DivisionImporter;
import org.gridwork.territory.Grids;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.gridwork.visit.VisitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second guard behind the URLs: every service method that changes data refuses a caller of the
 * wrong role (AccessDenied) before it does anything, whatever the controller in front of it checks,
 * and refuses a caller nobody logged in as. The table is the list of those methods; a reflective
 * check keeps it complete (a new writing method without {@code @PreAuthorize} fails here).
 */
@IntegrationTest
class ServiceAuthorisationTest {

    private static final Map<Role, String> DEMO_USER = Map.of(Role.ADMIN, "admin", Role.SUPERVISOR, "supervisor",
            Role.GRID_STAFF, "staff", Role.HANDLER, "handler");

    /** The roles each expression of {@link Authorities} lets in (the system principal aside). */
    private static final Map<String, Set<Role>> ALLOWED = Map.of(
            Authorities.ADMIN, EnumSet.of(Role.ADMIN),
            Authorities.MANAGER, EnumSet.of(Role.ADMIN, Role.SUPERVISOR),
            Authorities.FIELD, EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.GRID_STAFF),
            Authorities.STAFF, EnumSet.of(Role.GRID_STAFF),
            Authorities.ASSIGNEE, EnumSet.of(Role.GRID_STAFF, Role.HANDLER),
            Authorities.ANY_ROLE, EnumSet.allOf(Role.class),
            Authorities.SYSTEM, EnumSet.noneOf(Role.class));

    /**
     * Writing methods that stay open, and why: reactions to other modules and the audit trail run
     * for every caller; reads that are transactional only to cache or audit; the public, anonymous
     * reporting (rate-limited by address and device); the login step before a session has a role; the
     * start-up backfill that rewrites stored phone numbers in their one readable form.
     */
    private static final Set<String> EXEMPT = Set.of(
            "NotificationService.store", "NotificationService.unreadCount",
            "AuditService.record", "AuditService.recordWithin",
            "TotpService.verifyAtLogin", "AccountService.normaliseStoredPhones",
            "CareService.on", "CareService.recordVisit",
            "Grids.gridsInScope",
            "PublicReports.report", "PublicReports.contact", "PublicReports.rate",
            "CategoryService.tree", "CategoryService.subclasses", "CategoryService.publicTree", "CategoryService.get",
            "DashboardService.month", "DashboardService.months", "DashboardService.view", "DashboardService.grids",
            "DashboardService.available", "DashboardService.refreshNow",
            "ResidentTags.tagsByCode", "ResidentService.search", "ResidentService.revealIdNumber");

    private static final List<Class<?>> SERVICES = List.of(AccountService.class, TotpService.class, AuditService.class,
            CalendarService.class, CareService.class, DashboardService.class, CategoryService.class, IssueService.class,
            PublicReports.class, NotificationService.class, ResidentService.class, ResidentTags.class, Households.class,
            ResidentTransferService.class,
            TaskService.class, Regions.class, Grids.class, StaffAssignments.class, Boundaries.class,
            DivisionImporter.class, VisitService.class);

    @Autowired UserDetailsService users;
    @Autowired AccountService accounts;
    @Autowired TotpService totp;
    @Autowired AuditService audit;
    @Autowired CalendarService calendar;
    @Autowired CareService care;
    @Autowired CategoryService categories;
    @Autowired IssueService issues;
    @Autowired NotificationService notifications;
    @Autowired ResidentService residents;
    @Autowired Households households;
    @Autowired ResidentTags residentTags;
    @Autowired ResidentTransferService transfers;
    @Autowired TaskService tasks;
    @Autowired Regions regions;
    @Autowired Grids grids;
    @Autowired StaffAssignments assignments;
    @Autowired Boundaries boundaries;
    @Autowired DivisionImporter divisions;
    @Autowired VisitService visits;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** Every guarded method, called with arguments that never matter: the check comes first. */
    private Map<String, ThrowingCallable> calls() {
        Map<String, ThrowingCallable> c = new LinkedHashMap<>();
        c.put("AccountService.createUser", () -> accounts.createUser("x", "x", "x", Role.ADMIN, null));
        c.put("AccountService.createUserByAdmin", () -> accounts.createUserByAdmin("x", "x", Role.ADMIN, null, null, false));
        c.put("AccountService.updateUser", () -> accounts.updateUser(0, "x", Role.ADMIN, null, null, false));
        c.put("AccountService.disableUser", () -> accounts.disableUser(0, 0));
        c.put("AccountService.enableUser", () -> accounts.enableUser(0));
        c.put("AccountService.unlockUser", () -> accounts.unlockUser(0));
        c.put("AccountService.resetPassword", () -> accounts.resetPassword(0));
        c.put("AccountService.changeOwnPassword", () -> accounts.changeOwnPassword(0, "x", "x", null));
        c.put("AccountService.confirmPassword", () -> accounts.confirmPassword(0, "x"));
        c.put("AccountService.createDepartment", () -> accounts.createDepartment("x", "x"));
        c.put("AccountService.updateDepartment", () -> accounts.updateDepartment(0, "x", true));
        c.put("AccountService.assignDepartment", () -> accounts.assignDepartment(0, null));
        c.put("TotpService.startEnrolment", () -> totp.startEnrolment(0));
        c.put("TotpService.confirmEnrolment", () -> totp.confirmEnrolment(0, "x"));
        c.put("TotpService.disable", () -> totp.disable(0));
        c.put("TotpService.regenerateRecoveryCodes", () -> totp.regenerateRecoveryCodes(0));
        c.put("AuditService.checkChain", () -> audit.checkChain());
        c.put("AuditService.purgeExpired", () -> audit.purgeExpired());
        c.put("CalendarService.updateSettings", () -> calendar.updateSettings("x", Set.of()));
        c.put("CalendarService.saveDay", () -> calendar.saveDay(null, null, "x"));
        c.put("CalendarService.removeDay", () -> calendar.removeDay(null));
        c.put("CareService.updatePlan", () -> care.updatePlan(0, null, 1, null, null));
        c.put("CategoryService.changeLimits", () -> categories.changeLimits(0, 0, 1, null, false, 1, true, true));
        c.put("IssueService.report", () -> issues.report(null));
        c.put("IssueService.reportFromOpen311", () -> issues.reportFromOpen311(0, "x", 0, 0, null, null, 0, "x"));
        c.put("IssueService.file", () -> issues.file(0, 0, null));
        c.put("IssueService.reject", () -> issues.reject(0, 0, null));
        c.put("IssueService.dispatchToStaff", () -> issues.dispatchToStaff(0, 0, 0, null));
        c.put("IssueService.dispatchToDepartment", () -> issues.dispatchToDepartment(0, 0, 0, null));
        c.put("IssueService.accept", () -> issues.accept(0, 0));
        c.put("IssueService.returnToSupervisor", () -> issues.returnToSupervisor(0, 0, null));
        c.put("IssueService.reportHandled", () -> issues.reportHandled(0, 0, null, List.of()));
        c.put("IssueService.verifyAndClose", () -> issues.verifyAndClose(0, 0, null));
        c.put("IssueService.sendBackForRework", () -> issues.sendBackForRework(0, 0, null));
        c.put("IssueService.reopenForRework", () -> issues.reopenForRework(0, 0, null));
        c.put("IssueService.requestExtension", () -> issues.requestExtension(0, 0, null, null));
        c.put("IssueService.approveExtension", () -> issues.approveExtension(0, 0, null));
        c.put("IssueService.refuseExtension", () -> issues.refuseExtension(0, 0, null));
        c.put("NotificationService.open", () -> notifications.open(0));
        c.put("NotificationService.markAllRead", () -> notifications.markAllRead());
        c.put("ResidentTags.changeTagInterval", () -> residentTags.changeTagInterval("x", 1));
        c.put("ResidentTags.addTag", () -> residentTags.addTag("x", "x", "x", 1, false));
        c.put("ResidentService.register", () -> residents.register(null));
        c.put("ResidentService.update", () -> residents.update(0, null));
        c.put("ResidentService.setTags", () -> residents.setTags(0, Set.of()));
        c.put("ResidentService.changeStatus", () -> residents.changeStatus(0, null, null, null));
        c.put("Households.startHousehold", () -> households.startHousehold(0));
        c.put("Households.addMember", () -> households.addMember(0, null, null));
        c.put("ResidentTransferService.preview", () -> transfers.preview(new byte[0], "x.csv"));
        c.put("ResidentTransferService.confirm", () -> transfers.confirm(null));
        c.put("ResidentTransferService.purgeStalePreviews", () -> transfers.purgeStalePreviews());
        c.put("TaskService.create", () -> tasks.create(null));
        c.put("TaskService.remind", () -> tasks.remind(0));
        c.put("TaskService.extend", () -> tasks.extend(0, null));
        c.put("TaskService.recordProgress", () -> tasks.recordProgress(0, null, null, null));
        c.put("Regions.createRegion", () -> regions.createRegion("x", "x", null, null));
        c.put("Regions.setRegionBoundary", () -> regions.setRegionBoundary("x", null));
        c.put("Grids.createGrid", () -> grids.createGrid("x", 1, "x", null));
        c.put("StaffAssignments.assignStaff", () -> assignments.assignStaff(0, 0));
        c.put("StaffAssignments.assignSupervisor", () -> assignments.assignSupervisor(0, 0));
        c.put("StaffAssignments.unassignStaff", () -> assignments.unassignStaff(0, 0));
        c.put("StaffAssignments.unassignSupervisor", () -> assignments.unassignSupervisor(0, 0));
        c.put("Grids.describeGrid", () -> grids.describeGrid(0, "x", null, 0));
        c.put("Grids.archiveGrid", () -> grids.archiveGrid(0));
        c.put("Boundaries.changeBoundary", () -> boundaries.changeBoundary(0, null));
        c.put("Boundaries.proposeBoundary", () -> boundaries.proposeBoundary(0, null, null));
        c.put("Boundaries.importBoundaries", () -> boundaries.importBoundaries("x", null));
        c.put("DivisionImporter.importCsv", () -> divisions.importCsv(null));
        c.put("VisitService.log", () -> visits.log(null));
        return c;
    }

    @Test
    void everyChangingServiceMethodRefusesTheRolesItIsNotFor() {
        List<String> checked = new ArrayList<>();
        calls().forEach((name, call) -> {
            Set<Role> allowed = ALLOWED.get(expression(name));
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(allowed))) {
                SecondTown.actAs(users, DEMO_USER.get(role));
                assertThatThrownBy(call).as(name + " as " + role).isInstanceOf(AccessDeniedException.class);
                checked.add(name + " as " + role);
            }
            SecurityContextHolder.clearContext();
            assertThatThrownBy(call).as(name + " without anybody logged in")
                    .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        });
        assertThat(checked).hasSizeGreaterThan(calls().size());
    }

    @Test
    void theTableNamesEveryWritingServiceMethodAndNoOther() {
        Set<String> guarded = new TreeSet<>();
        Set<String> unguarded = new TreeSet<>();
        for (Class<?> service : SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                String name = service.getSimpleName() + "." + m.getName();
                Transactional tx = m.getAnnotation(Transactional.class);
                if (m.isAnnotationPresent(PreAuthorize.class)) {
                    guarded.add(name);
                } else if (tx != null && !tx.readOnly() && !EXEMPT.contains(name)) {
                    unguarded.add(name);
                }
            }
        }
        assertThat(unguarded).as("writing service methods without @PreAuthorize (add one, or say why in EXEMPT)").isEmpty();
        assertThat(new TreeSet<>(calls().keySet())).isEqualTo(guarded);
    }

    private static String expression(String name) {
        String[] parts = name.split("\\.");
        for (Class<?> service : SERVICES) {
            if (!service.getSimpleName().equals(parts[0])) {
                continue;
            }
            for (Method m : service.getDeclaredMethods()) {
                PreAuthorize p = m.getAnnotation(PreAuthorize.class);
                if (m.getName().equals(parts[1]) && p != null) {
                    return p.value();
                }
            }
        }
        throw new AssertionError(name + " has no @PreAuthorize");
    }
}
