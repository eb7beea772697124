package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.NotFoundException;
import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class DataScopeTest {

    @Autowired
    DataScope dataScope;

    @Autowired
    Grids grids;

    @Autowired
    AccountService accounts;

    private CurrentUser user(String username) {
        UserSummary u = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId());
    }

    private long grid(String code) {
        return grids.findGridByCode(code).orElseThrow().id();
    }

    @Test
    void gridStaffReachOnlyTheirOwnGrids() {
        GridScope staff = dataScope.of(user("staff"));
        assertThat(staff.unrestricted()).isFalse();
        assertThat(staff.allowsGrid(grid("130528112201-001"))).isTrue();
        assertThat(staff.allowsGrid(grid("130528112201-002"))).isTrue();
        assertThat(staff.allowsGrid(grid("130528112202-001"))).isFalse();
        assertThat(dataScope.of(user("staff2")).allowsGrid(grid("130528112201-001"))).isFalse();
    }

    @Test
    void supervisorReachesEveryGridUnderTheirTownAndNothingElse() {
        GridScope supervisor = dataScope.of(user("supervisor"));
        assertThat(supervisor.gridIds()).hasSize(24);
        assertThat(supervisor.allowsRegionPath("/13/1305/130528/130528112/130528112205/")).isTrue();
        assertThat(supervisor.allowsRegionPath("/13/1305/130528/")).isFalse();
        assertThat(supervisor.allowsRegionPath("/13/1305/130528/130528113/")).isFalse();
    }

    @Test
    void adminReachesEverythingAndHandlerNoGrid() {
        assertThat(dataScope.of(user("admin")).allowsGrid(grid("130528112212-002"))).isTrue();
        GridScope handler = dataScope.of(user("handler"));
        assertThat(handler.isEmpty()).isTrue();
        assertThat(handler.allowsGrid(grid("130528112201-001"))).isFalse();
    }

    @Test
    @WithUserDetails("staff")
    void aGridOutsideTheScopeIsNotFoundRatherThanForbidden() {
        assertThat(grids.grid(grid("130528112201-001")).code()).isEqualTo("130528112201-001");
        long other = grid("130528112203-001");
        assertThatThrownBy(() -> grids.grid(other)).isInstanceOf(NotFoundException.class);
    }
}
