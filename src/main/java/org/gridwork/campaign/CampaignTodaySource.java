package org.gridwork.campaign;

import java.util.List;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUser;
import org.gridwork.shared.today.TodayItem;
import org.gridwork.shared.today.TodaySource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts each campaign with households still to visit in the staff member's grids on "today", until done. */
@Component
class CampaignTodaySource implements TodaySource {

    private final CampaignService campaigns;
    private final AccountService accounts;

    CampaignTodaySource(CampaignService campaigns, AccountService accounts) {
        this.campaigns = campaigns;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodayItem> itemsFor(long userId) {
        return accounts.findUser(userId)
                .map(u -> campaigns.openCampaignsOf(new CurrentUser(u.id(), u.username(), u.displayName(), u.role(),
                        u.departmentId())))
                .orElse(List.of()).stream()
                .map(c -> new TodayItem("CAMPAIGN", c.title(), c.counts().pending() + " / " + c.counts().total(),
                        c.dueDate(), c.overdue(), "/campaigns/" + c.id() + "/next"))
                .toList();
    }
}
