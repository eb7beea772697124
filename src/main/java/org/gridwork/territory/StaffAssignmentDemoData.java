package org.gridwork.territory;

import org.gridwork.account.AccountService;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/** Demo assignments: supervisor over Houkou Town, staff on 侯口一村's grids, staff2 on 侯口二村's. */
@Component
class StaffAssignmentDemoData implements DemoDataContributor {

    private final Regions regions;
    private final Grids grids;
    private final StaffAssignments assignments;
    private final AccountService accounts;

    StaffAssignmentDemoData(Regions regions, Grids grids, StaffAssignments assignments, AccountService accounts) {
        this.regions = regions;
        this.grids = grids;
        this.assignments = assignments;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public void load() {
        assignments.assignSupervisor(regions.findRegionByCode(TerritoryDemoData.TOWN).orElseThrow().id(),
                user("supervisor").id());
        assign("staff", "130528112201-001", "130528112201-002");
        assign("staff2", "130528112202-001", "130528112202-002");
    }

    private void assign(String username, String... gridCodes) {
        long userId = user(username).id();
        for (String code : gridCodes) {
            assignments.assignStaff(grids.findGridByCode(code).orElseThrow().id(), userId);
        }
    }

    private UserSummary user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
