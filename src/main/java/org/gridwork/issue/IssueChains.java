package org.gridwork.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridwork.account.AccountService;
import org.gridwork.account.CommandLevel;
import org.gridwork.account.DepartmentSummary;
import org.gridwork.account.Role;
import org.gridwork.account.UserSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads an issue's place in the chain (issue 21) for its page, from an issue the caller already
 * loaded and scope-checked. One statement for the whistles (none for co-handlers unless the
 * county has the issue): the issue page keeps to its statement budget.
 */
@Component
class IssueChains {

    private final JdbcTemplate jdbc;
    private final AccountService accounts;

    IssueChains(JdbcTemplate jdbc, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    IssueChain read(Issue issue, Actor a, List<DepartmentSummary> departments, Instant now) {
        long id = issue.getId();
        Map<Long, String> names = departments.stream().collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
        List<DepartmentSummary> county = departments.stream().filter(d -> d.active() && d.county()).toList();
        List<DepartmentSummary> town = departments.stream().filter(d -> d.active() && !d.county()).toList();
        List<IssueChain.CoHandler> co = issue.getLevel() != CommandLevel.COUNTY ? List.of() : jdbc.query("""
                select department_id, note, noted_at from issue_co_department where issue_id = ? order by department_id""",
                (rs, n) -> new IssueChain.CoHandler(rs.getLong(1), names.getOrDefault(rs.getLong(1), ""), rs.getString(2),
                        Escalations.ts(rs.getTimestamp(3))), id);
        String escalatedBy = issue.getEscalatedBy() == null ? null
                : accounts.findUser(issue.getEscalatedBy()).map(UserSummary::displayName).orElse(null);
        boolean mayNote = a.role() == Role.HANDLER && issue.getStatus().inHandling()
                && co.stream().anyMatch(c -> c.departmentId() == (a.departmentId() == null ? -1L : a.departmentId()));
        return new IssueChain(issue.getLevel(), issue.getEscalatedAt(), escalatedBy, issue.getEscalationReason(),
                issue.getCountyFiledAt(), issue.getCountyLimitDays(), co, whistleCalls(id, a, names, now),
                Whistle.mayCall(a, issue.getStatus()) && !county.isEmpty(), mayNote, town, county);
    }

    /** The calls with each department's answer, in one statement. */
    private List<IssueChain.WhistleCall> whistleCalls(long id, Actor a, Map<Long, String> names, Instant now) {
        List<IssueChain.WhistleCall> calls = new ArrayList<>();
        jdbc.query("""
                select w.id, u.display_name, w.called_at, w.respond_by, w.note,
                       r.department_id, r.acknowledged_at, r.action_note, r.action_at
                from whistle_call w join app_user u on u.id = w.called_by
                left join whistle_response r on r.call_id = w.id
                where w.issue_id = ? order by w.id, r.department_id""", rs -> {
                    long callId = rs.getLong(1);
                    Instant respondBy = Escalations.ts(rs.getTimestamp(4));
                    if (calls.isEmpty() || calls.get(calls.size() - 1).id() != callId) {
                        calls.add(new IssueChain.WhistleCall(callId, rs.getString(2), Escalations.ts(rs.getTimestamp(3)),
                                respondBy, rs.getString(5), new ArrayList<>()));
                    }
                    long dept = rs.getLong(6);
                    if (!rs.wasNull()) {
                        Instant ack = Escalations.ts(rs.getTimestamp(7));
                        Instant actionAt = Escalations.ts(rs.getTimestamp(9));
                        calls.get(calls.size() - 1).answers().add(new IssueChain.WhistleAnswer(dept,
                                names.getOrDefault(dept, ""), ack, rs.getString(8), actionAt,
                                Whistle.state(respondBy, ack, actionAt, now).name(), Whistle.mayAcknowledge(a, dept, ack),
                                Whistle.mayRecordAction(a, dept, ack, actionAt)));
                    }
                }, id);
        return calls;
    }
}
