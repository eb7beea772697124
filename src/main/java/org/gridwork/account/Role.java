package org.gridwork.account;

/** The four roles of DOMAIN.md section 2. */
public enum Role {
    /** 系统管理员: territory, grids, users, settings, audit log. */
    ADMIN,
    /** 网格长/指挥中心: the subtree of their region nodes. */
    SUPERVISOR,
    /** 网格员: the grids assigned to them. */
    GRID_STAFF,
    /** 职能部门处置人员: issues dispatched to their department only. */
    HANDLER;

    public String authority() {
        return "ROLE_" + name();
    }
}
