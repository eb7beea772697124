package org.gridwork.issue;

import java.time.Instant;
import java.util.List;

import org.gridwork.account.CommandLevel;

/**
 * An issue's place in the chain of command (issue 21), for its page: the level handling it, the
 * escalation, the county's co-handlers (协办) and the whistle calls (吹哨) with each department's
 * report (报到).
 */
public record IssueChain(CommandLevel level, Instant escalatedAt, String escalatedByName, String escalationReason,
        Instant countyFiledAt, Integer countyLimitDays, List<CoHandler> coHandlers, List<WhistleCall> whistles,
        boolean mayWhistle, boolean mayNoteAsCoHandler,
        List<org.gridwork.account.DepartmentSummary> townDepartments,
        List<org.gridwork.account.DepartmentSummary> countyDepartments) {

    public boolean atCounty() {
        return level == CommandLevel.COUNTY;
    }

    public record CoHandler(long departmentId, String departmentName, String note, Instant notedAt) {
    }

    public record WhistleCall(long id, String calledByName, Instant calledAt, Instant respondBy, String note,
            List<WhistleAnswer> answers) {
    }

    /** One called department's answer; {@code state} is a {@link Whistle.State} name (also the message key suffix). */
    public record WhistleAnswer(long departmentId, String departmentName, Instant acknowledgedAt, String actionNote,
            Instant actionAt, String state, boolean mayAcknowledge, boolean mayRecordAction) {
    }
}
