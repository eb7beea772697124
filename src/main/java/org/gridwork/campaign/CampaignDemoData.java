package org.gridwork.campaign;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.account.UserSummary;
import org.gridwork.shared.demo.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A flood-season campaign over Houkou Town, launched by the town's supervisor, with a few
 * households of staff's grids already checked: one done, one with a problem, one nobody home.
 */
@Component
class CampaignDemoData implements DemoDataContributor {

    private final CampaignService campaigns;
    private final AccountService accounts;
    private final JdbcClient jdbc;

    CampaignDemoData(CampaignService campaigns, AccountService accounts, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load() {
        long form = jdbc.sql("select id from campaign_form where title = '汛期入户排查' order by id limit 1")
                .query(Long.class).single();
        long id = campaigns.launch(actor("supervisor"), new NewCampaign("2026年汛期入户排查", form, TargetKind.HOUSEHOLDS,
                List.of(), "130528112", campaigns.today().minusDays(3), campaigns.today().plusDays(11), List.of()));
        CurrentUser staff = actor("staff");
        List<Long> targets = jdbc.sql("""
                select t.id from campaign_target t join grid g on g.id = t.grid_id
                where t.campaign_id = ? and g.code = '130528112201-001' order by t.address, t.id limit 3""")
                .param(id).query(Long.class).list();
        if (targets.size() < 3) {
            return;
        }
        Map<String, List<String>> safe = Map.of("q1", List.of("1"), "q2", List.of("NO"), "q3", List.of("NO"),
                "q4", List.of("NO"), "q7", List.of("YES"), "q8", List.of("侯口镇中心小学"));
        Map<String, List<String>> risky = Map.of("q1", List.of("3"), "q2", List.of("YES"), "q3", List.of("NO"),
                "q4", List.of("YES"), "q5", List.of("2"), "q6", List.of("1"), "q7", List.of("YES"),
                "q8", List.of("侯口镇中心小学"));
        campaigns.record(staff, id, targets.get(0), UUID.randomUUID(), Outcome.DONE, safe, Map.of(), null, null);
        campaigns.record(staff, id, targets.get(1), UUID.randomUUID(), Outcome.DONE, risky, Map.of(), null, null);
        campaigns.record(staff, id, targets.get(2), UUID.randomUUID(), Outcome.NOBODY_HOME, Map.of(), Map.of(), null, null);
    }

    private CurrentUser actor(String username) {
        UserSummary u = accounts.findByUsername(username).orElseThrow();
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.departmentId());
    }
}
