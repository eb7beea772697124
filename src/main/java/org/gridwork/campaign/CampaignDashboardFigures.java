package org.gridwork.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.gridwork.shared.dashboard.DashboardFigures;
import org.gridwork.shared.dashboard.Figure;
import org.gridwork.shared.dashboard.GridFigure;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The campaign module's dashboard figure: households (or people) of running campaigns still to visit, per grid. */
@Component
class CampaignDashboardFigures implements DashboardFigures {

    private final CampaignService campaigns;

    CampaignDashboardFigures(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Set<Figure> provides() {
        return Set.of(Figure.CAMPAIGN_PENDING);
    }

    @Override
    public List<GridFigure> current(Collection<Long> gridIds, LocalDate today) {
        List<GridFigure> figures = new ArrayList<>();
        campaigns.pendingPerGrid(gridIds).forEach((grid, n) -> figures.add(GridFigure.count(grid, Figure.CAMPAIGN_PENDING, "", n)));
        return figures;
    }

    @Override
    public String listUrl(Figure figure, String dimension, String nodeCode, Long gridId, YearMonth month) {
        return UriComponentsBuilder.fromPath("/campaigns/pending").queryParam("node", nodeCode).encode().toUriString();
    }
}
