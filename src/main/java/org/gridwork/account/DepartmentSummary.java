package org.gridwork.account;

public record DepartmentSummary(long id, String code, String name, boolean active) {
}
