package org.gridwork.account;

import org.gridwork.shared.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/** One demo user per role, all with the password {@code gridwork-demo}, and the demo department. */
@Component
class AccountDemoData implements DemoDataContributor {

    static final String PASSWORD = "gridwork-demo";

    private final AccountService accounts;

    AccountDemoData(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        DepartmentSummary police = accounts.createDepartment("HK-PCS", "侯口派出所");
        accounts.createDepartment("HK-SFS", "侯口司法所");
        accounts.createDepartment("HK-AJZ", "侯口安监站");
        accounts.createDepartment("HK-GSZ", "侯口供水站");
        accounts.createUser("admin", PASSWORD, "系统管理员", Role.ADMIN, null);
        accounts.createUser("supervisor", PASSWORD, "王建国", Role.SUPERVISOR, null);
        accounts.createUser("staff", PASSWORD, "李秀英", Role.GRID_STAFF, null);
        accounts.createUser("staff2", PASSWORD, "张伟", Role.GRID_STAFF, null);
        accounts.createUser("handler", PASSWORD, "赵强", Role.HANDLER, police.id());
    }
}
