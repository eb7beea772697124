package org.gridwork.support;

import org.gridwork.account.AccountService;
import org.gridwork.account.Role;
import org.gridwork.shared.security.SystemPrincipal;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionLevel;
import org.gridwork.territory.Regions;
import org.gridwork.territory.StaffAssignments;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A second town beside the demo's Houkou Town, with its own supervisor and one staffed grid, for
 * tests that prove one town's people see nothing of the other. Created once per test database.
 */
public final class SecondTown {

    public static final String TOWN = "130528188";
    public static final String VILLAGE = "130528188201";
    public static final String GRID = "130528188201-001";
    public static final String SUPERVISOR = "town2-supervisor";
    public static final String STAFF = "town2-staff";

    private SecondTown() {
    }

    public static synchronized void ensure(Regions regions, Grids grids, StaffAssignments assignments, AccountService accounts) {
        if (regions.findRegionByCode(TOWN).isPresent()) {
            return;
        }
        SystemPrincipal.run("test set-up", () -> create(regions, grids, assignments, accounts));
    }

    private static void create(Regions regions, Grids grids, StaffAssignments assignments, AccountService accounts) {
        var town = regions.createRegion(TOWN, "测试第二镇", RegionLevel.TOWN, "130528");
        regions.createRegion(VILLAGE, "测试第二镇一村", RegionLevel.VILLAGE, TOWN);
        var grid = grids.createGrid(VILLAGE, 1, "测试第二镇一村第一网格",
                "{\"type\":\"Polygon\",\"coordinates\":[[[115.40,37.59],[115.41,37.59],[115.41,37.60],[115.40,37.60],[115.40,37.59]]]}");
        var supervisor = accounts.createUser(SUPERVISOR, BrowserTestSupport.DEMO_PASSWORD, "第二镇网格长", Role.SUPERVISOR, null);
        var staff = accounts.createUser(STAFF, BrowserTestSupport.DEMO_PASSWORD, "第二镇网格员", Role.GRID_STAFF, null);
        assignments.assignSupervisor(town.id(), supervisor.id());
        assignments.assignStaff(grid.id(), staff.id());
    }

    /** Puts the user in the security context, as a logged-in request would. */
    public static void actAs(UserDetailsService users, String username) {
        UserDetails details = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
    }
}
