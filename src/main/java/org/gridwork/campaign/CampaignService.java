package org.gridwork.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridwork.account.CurrentUser;
import org.gridwork.account.CurrentUsers;
import org.gridwork.account.Role;
import org.gridwork.issue.IssueService;
import org.gridwork.issue.ReportCommand;
import org.gridwork.issue.Urgency;
import org.gridwork.resident.ResidentLabel;
import org.gridwork.resident.ResidentService;
import org.gridwork.resident.ResidentTargets;
import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.photo.PhotoStore;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.territory.DataScope;
import org.gridwork.territory.GridDirectory;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridStatus;
import org.gridwork.territory.GridSummary;
import org.gridwork.territory.Grids;
import org.gridwork.territory.RegionSummary;
import org.gridwork.territory.Regions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns (专项排查): supervisors launch them over an area of their subtree, grid staff check
 * the targets of their grids one by one, everyone in scope follows the progress. A target,
 * list or figure outside the caller's grids answers {@link NotFoundException} (404).
 */
@Service
@Transactional(readOnly = true)
public class CampaignService {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final FormService forms;
    private final FormJson json;
    private final DataScope dataScope;
    private final CurrentUsers currentUsers;
    private final Regions regions;
    private final Grids grids;
    private final GridDirectory directory;
    private final ResidentService residents;
    private final ResidentTargets targets;
    private final IssueService issues;
    private final PhotoStore photos;
    private final BusinessTime time;
    private final ApplicationEventPublisher events;

    CampaignService(JdbcClient jdbc, FormService forms, FormJson json, DataScope dataScope, CurrentUsers currentUsers,
            Regions regions, Grids grids, GridDirectory directory, ResidentService residents, ResidentTargets targets,
            IssueService issues, PhotoStore photos,
            BusinessTime time, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.json = json;
        this.dataScope = dataScope;
        this.currentUsers = currentUsers;
        this.regions = regions;
        this.grids = grids;
        this.directory = directory;
        this.residents = residents;
        this.targets = targets;
        this.issues = issues;
        this.photos = photos;
        this.time = time;
        this.events = events;
    }

    public LocalDate today() {
        return time.today();
    }

    // ---- launching ------------------------------------------------------------------------

    /** Launches a campaign: one target per household (or group member) in the area, written by one INSERT ... SELECT. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public long launch(NewCampaign c) {
        return launch(requireManager(), c);
    }

    @Transactional
    long launch(CurrentUser user, NewCampaign c) {
        if (c.title() == null || c.title().isBlank()) {
            throw new BusinessRuleException("campaign.error.title");
        }
        if (c.startDate() == null || c.dueDate() == null || c.dueDate().isBefore(c.startDate())) {
            throw new BusinessRuleException("campaign.error.dates");
        }
        ChecklistForm form = forms.form(c.formId());
        if (form.questions().isEmpty()) {
            throw new BusinessRuleException("campaign.error.emptyForm");
        }
        GridScope scope = dataScope.of(user);
        Area area = area(scope, c.areaCode());
        List<String> tags = c.tags() == null ? List.of() : c.tags().stream().filter(t -> t != null && !t.isBlank()).toList();
        if (c.targetKind() == TargetKind.GROUPS && tags.isEmpty()) {
            throw new BusinessRuleException("campaign.error.tags");
        }
        if (c.targetKind() == null) {
            throw new BusinessRuleException("campaign.error.targetKind");
        }
        List<Long> grids = activeGrids(area);
        ResidentTargets.ListCheck list = null;
        if (c.targetKind() == TargetKind.LIST) {
            list = targets.check(c.list() == null ? List.of() : c.list(), grids, time.today());
            if (list.matched().isEmpty()) {
                throw new BusinessRuleException("campaign.error.listEmpty");
            }
        }
        long id = jdbc.sql("""
                insert into campaign (title, form_id, target_kind, target_tags, area_code, area_path, start_date, due_date,
                                      status, created_by, launched_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'LAUNCHED', ?, now()) returning id""")
                .params(c.title().strip(), form.id(), c.targetKind().name(), tags.isEmpty() ? null : String.join(",", tags),
                        area.code(), area.path(), c.startDate(), c.dueDate(), user.id())
                .query(Long.class).single();
        // One statement for the whole area: 267,823 households of a county in seconds, no row by row.
        // The resident module writes the SELECT over its tables; the campaign only embeds it.
        ResidentTargets.Selection selection = switch (c.targetKind()) {
            case HOUSEHOLDS -> targets.households(grids);
            case GROUPS -> targets.tagged(grids, tags);
            case LIST -> targets.listed(grids, list);
        };
        int count = jdbc.sql("""
                insert into campaign_target (campaign_id, grid_id, household_id, resident_id, address, longitude, latitude, note)
                select :campaign, s.grid_id, s.household_id, s.resident_id, s.address, s.longitude, s.latitude, s.note
                from (""" + selection.sql() + ") s").params(selection.params()).param("campaign", id).update();
        jdbc.sql("update campaign set target_count = ? where id = ?").params(count, id).update();
        events.publishEvent(AuditEvent.of("CAMPAIGN_LAUNCHED", "CAMPAIGN", id,
                count + " targets in " + area.code() + ", form " + form.id()));
        return id;
    }

    /** The launch area: a grid or region node in the scope; anything else is "no such area". */
    private Area area(GridScope scope, String code) {
        String c = code == null ? "" : code.strip();
        Optional<GridSummary> grid = c.isEmpty() ? Optional.empty() : grids.findGridByCode(c);
        if (grid.isPresent()) {
            if (!scope.allowsGrid(grid.get().id())) {
                throw new BusinessRuleException("campaign.error.area");
            }
            return new Area(c, grid.get().regionPath() + c + "/", grid.get().id());
        }
        RegionSummary region = (c.isEmpty() ? Optional.<RegionSummary>empty() : regions.findRegionByCode(c))
                .filter(r -> scope.allowsRegionPath(r.path()))
                .orElseThrow(() -> new BusinessRuleException("campaign.error.area"));
        return new Area(c, region.path(), null);
    }

    private record Area(String code, String path, Long gridId) {
    }

    /** The area's grids that are in use (an archived grid gets no targets). */
    private List<Long> activeGrids(Area area) {
        List<Long> ids = area.gridId() != null ? List.of(area.gridId()) : directory.idsUnder(area.path());
        return ids.stream().filter(id -> directory.find(id).map(g -> g.status() == GridStatus.ACTIVE).orElse(false)).toList();
    }

    /**
     * Checks an uploaded list against the register before a launch: who of it lives in the area
     * (and so will be a target), and every line left out with its reason.
     */
    public ResidentTargets.ListCheck checkList(String areaCode, List<ResidentTargets.ListedPerson> people) {
        CurrentUser user = requireManager();
        return targets.check(people, activeGrids(area(dataScope.of(user), areaCode)), time.today());
    }

    // ---- closing --------------------------------------------------------------------------

    /**
     * Ends a running campaign: it leaves the staff's lists, /today and the dashboard's figure, and
     * takes no more answers; its progress, lists and exports stay readable. Only the supervisor
     * who launched it, or an admin, may close it.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional
    public void close(long id) {
        CurrentUser user = requireManager();
        CampaignSummary campaign = campaign(id);
        if (!mayClose(user, campaign)) {
            throw new BusinessRuleException(campaign.closed() ? "campaign.error.alreadyClosed" : "campaign.error.notOwner");
        }
        int closed = jdbc.sql("""
                update campaign set status = 'CLOSED', closed_at = now(), closed_by = ? where id = ? and status = 'LAUNCHED'""")
                .params(user.id(), id).update();
        if (closed == 0) {
            throw new BusinessRuleException("campaign.error.alreadyClosed");
        }
        events.publishEvent(AuditEvent.of("CAMPAIGN_CLOSED", "CAMPAIGN", id, campaign.counts().finished() + " of "
                + campaign.counts().total() + " finished"));
    }

    /** Whether the caller may close the campaign: running, and launched by them (or they are an admin). */
    public boolean mayClose(CampaignSummary campaign) {
        return mayClose(currentUsers.require(), campaign);
    }

    private static boolean mayClose(CurrentUser user, CampaignSummary campaign) {
        return "LAUNCHED".equals(campaign.status())
                && (user.is(Role.ADMIN) || user.is(Role.SUPERVISOR) && campaign.createdBy() == user.id());
    }

    // ---- lists ----------------------------------------------------------------------------

    /** Campaigns whose area overlaps the caller's scope, with counts over the caller's part of them. */
    public List<CampaignSummary> campaigns() {
        CurrentUser user = currentUsers.require();
        if (user.is(Role.HANDLER)) {
            throw new AccessDeniedException("campaigns are for grid staff and supervisors");
        }
        GridScope scope = dataScope.current();
        Map<String, Object> params = new HashMap<>();
        String where = "true";
        if (!scope.unrestricted()) {
            where = "c.id in (select p.campaign_id from campaign_grid_progress p where p.grid_id in (select unnest(cast(:grids as bigint[]))))";
            params.put("grids", array(scope.gridIds()));
        }
        List<CampaignSummary> list = jdbc.sql(SUMMARY + " where " + where + " order by c.due_date desc, c.id desc")
                .params(params).query(this::summary).list();
        Map<Long, Counts> counts = countsPerCampaign(list.stream().map(CampaignSummary::id).toList(), scope);
        return list.stream().map(s -> withCounts(s, counts.getOrDefault(s.id(), Counts.NONE))).toList();
    }

    /** The campaign, with counts over the caller's grids; 404 when none of its targets is in scope. */
    public CampaignSummary campaign(long id) {
        GridScope scope = dataScope.current();
        CampaignSummary s = jdbc.sql(SUMMARY + " where c.id = ?").param(id).query(this::summary).optional()
                .orElseThrow(() -> new NotFoundException("campaign", id));
        Counts counts = countsPerCampaign(List.of(id), scope).getOrDefault(id, Counts.NONE);
        if (counts.total() == 0 && !scope.unrestricted() && !scope.allowsRegionPath(areaPath(id))) {
            throw new NotFoundException("campaign", id);
        }
        return withCounts(s, counts);
    }

    /** A grid staff member's launched campaigns with work in their grids, soonest due first. */
    public List<MyCampaign> myCampaigns() {
        return myCampaigns(currentUsers.require());
    }

    List<MyCampaign> myCampaigns(CurrentUser user) {
        GridScope scope = dataScope.of(user);
        if (scope.isEmpty() || scope.unrestricted()) {
            return List.of();
        }
        LocalDate today = time.today();
        return jdbc.sql("""
                select c.id, c.title, c.due_date, """ + SUM_COLUMNS + """
                from campaign c join campaign_grid_progress p on p.campaign_id = c.id
                where c.status = 'LAUNCHED' and p.grid_id in (select unnest(cast(:grids as bigint[])))
                group by c.id order by c.due_date, c.id""").param("grids", array(scope.gridIds()))
                .query((rs, i) -> new MyCampaign(rs.getLong("id"), rs.getString("title"),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class).isBefore(today), counts(rs)))
                .list();
    }

    // ---- progress -------------------------------------------------------------------------

    /**
     * The progress table under a node (the campaign's area by default; a region or grid code):
     * one row per child town, village or grid, first row the node itself. Every count is a
     * {@link TargetFilter} over the caller's grids, the same as the list {@link #targets} gives.
     */
    public List<ProgressRow> progress(long campaignId, String nodeCode) {
        return progress(campaign(campaignId), nodeCode);
    }

    /** {@link #progress(long, String)} of a campaign the caller has just read ({@link #campaign}: in scope). */
    public List<ProgressRow> progress(CampaignSummary campaign, String nodeCode) {
        long campaignId = campaign.id();
        GridScope scope = dataScope.current();
        boolean byDefault = nodeCode == null || nodeCode.isBlank();
        // the campaign's own area by default (a reader whose area is smaller sees their part); a node asked for must be in scope
        Node node = node(scope, byDefault ? campaign.areaCode() : nodeCode.strip(), byDefault);
        Map<String, ProgressRow> children = new TreeMap<>();
        Counts[] total = {Counts.NONE};
        RowCallbackHandler child = rs -> {
            String key = rs.getString("child");
            Counts counts = counts(rs);
            switch (rs.getString("kind")) {
                case "TOTAL" -> total[0] = counts;
                case "GRID" -> children.put(key, new ProgressRow(key, grids.placeName(grid(rs.getLong("grid_id"))), "GRID",
                        false, counts));
                default -> {
                    Optional<RegionSummary> region = region(key);
                    children.put(key, new ProgressRow(key, region.map(RegionSummary::name).orElse(key),
                            region.map(r -> r.level().name()).orElse(""), true, counts));
                }
            }
        };
        if (node.path() != null) {
            progressOfRegion(campaignId, node.path(), child);
        } else {
            progressOfGrids(campaignId, scope, node, child);
        }
        List<ProgressRow> rows = new ArrayList<>();
        rows.add(new ProgressRow(node.code() == null ? "" : node.code(), node.name(), "TOTAL", false, total[0]));
        rows.addAll(children.values());
        return rows;
    }

    /**
     * A region node (wholly in the reader's scope, {@link #node}): its row and its child regions' rows of
     * the roll-up kept per node (V121), and the grids right under it. A county reads ~20 rows, not 2,000.
     */
    private void progressOfRegion(long campaignId, String path, RowCallbackHandler child) {
        jdbc.sql("select case when a.path = :path then 'TOTAL' else 'REGION' end as kind,"
                + " split_part(substr(a.path, length(:path) + 1), '/', 1) as child, null as grid_id, " + AREA_COLUMNS
                + " from campaign_area_progress a where a.campaign_id = :campaign and (a.path = :path or a.parent_path = :path)"
                + " union all select 'GRID', g.code, g.id, " + AREA_COLUMNS
                + " from campaign_grid_progress a join grid g on g.id = a.grid_id"
                + " where a.campaign_id = :campaign and g.region_path = :path")
                .param("campaign", campaignId).param("path", path).query(child);
    }

    /**
     * A grid, or the reader's own grids (a campaign wider than their area, or no node): the per-grid rows
     * grouped by the child they fall under (the next segment of the grid's region path below the node's, or
     * the grid itself), and their total.
     */
    private void progressOfGrids(long campaignId, GridScope scope, Node node, RowCallbackHandler child) {
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        String where = "p.campaign_id = :campaign";
        if (node.gridId() != null) {
            where += " and p.grid_id = :grid";
            params.put("grid", node.gridId());
        } else if (!scope.unrestricted()) {
            where += " and p.grid_id in (select unnest(cast(:grids as bigint[])))";
            params.put("grids", array(scope.gridIds()));
        }
        jdbc.sql("select 'TOTAL' as kind, '' as child, null as grid_id, " + SUM_COLUMNS
                + " from campaign_grid_progress p where " + where
                + " union all select 'GRID', g.code, min(g.id), " + SUM_COLUMNS
                + " from campaign_grid_progress p join grid g on g.id = p.grid_id where " + where + " group by g.code")
                .params(params).query(child);
    }

    /** A page of the targets behind one figure (filter) under a node, in grid and address order. */
    public TargetPage targets(long campaignId, String nodeCode, TargetFilter filter, int page) {
        campaign(campaignId);
        GridScope scope = dataScope.current();
        Node node = node(scope, nodeCode, false);
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        String where = "t.campaign_id = :campaign and " + filter.sql + gridFilter(scope, node, params);
        long total = jdbc.sql("select count(*) from campaign_target t where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) Math.max(page, 0) * PAGE_SIZE);
        List<TargetRow> rows = jdbc.sql(TARGET_SELECT + " where " + where
                + " order by t.grid_id, t.address, t.id limit :limit offset :offset").params(params)
                .query((rs, i) -> target(rs, null)).list();
        return new TargetPage(withNames(rows), total, Math.max(page, 0), PAGE_SIZE);
    }

    /**
     * The targets still to visit (not started or nobody home) of every running campaign under a
     * node in scope: the list behind the dashboard's campaign figure.
     */
    public TargetPage pendingTargets(String nodeCode, int page) {
        GridScope scope = dataScope.current();
        Map<String, Object> params = new HashMap<>();
        String where = "t.campaign_id in (select id from campaign where status = 'LAUNCHED') and " + TargetFilter.PENDING.sql
                + gridFilter(scope, node(scope, nodeCode, false), params);
        long total = jdbc.sql("select count(*) from campaign_target t where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) Math.max(page, 0) * PAGE_SIZE);
        List<TargetRow> rows = jdbc.sql(TARGET_SELECT + " where " + where
                + " order by t.grid_id, t.address, t.id limit :limit offset :offset").params(params)
                .query((rs, i) -> target(rs, null)).list();
        return new TargetPage(withNames(rows), total, Math.max(page, 0), PAGE_SIZE);
    }

    /** Targets still to visit in running campaigns, per grid (the dashboard's figure); no scope check. */
    Map<Long, Long> pendingPerGrid(Collection<Long> gridIds) {
        if (gridIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select p.grid_id, sum(p.attempted + p.not_started) from campaign_grid_progress p"
                + " where p.campaign_id in (select id from campaign where status = 'LAUNCHED')"
                + " and p.grid_id in (select unnest(cast(:grids as bigint[]))) group by p.grid_id").param("grids", array(gridIds))
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** What a person calls a node: a grid with its village, a region by its name. */
    public String nodeName(String nodeCode) {
        if (nodeCode == null || nodeCode.isBlank()) {
            return "";
        }
        return node(dataScope.current(), nodeCode, false).name();
    }

    /** Per question, the counts of each answer over the done targets under the node in scope. */
    public List<QuestionSummary> questionSummary(long campaignId, String nodeCode, Locale locale) {
        return questionSummary(campaign(campaignId), nodeCode, locale);
    }

    /** {@link #questionSummary(long, String, Locale)} of a campaign the caller has just read ({@link #campaign}). */
    public List<QuestionSummary> questionSummary(CampaignSummary campaign, String nodeCode, Locale locale) {
        long campaignId = campaign.id();
        ChecklistForm form = forms.form(campaign.formId());
        GridScope scope = dataScope.current();
        boolean byDefault = nodeCode == null || nodeCode.isBlank();
        Node node = node(scope, byDefault ? campaign.areaCode() : nodeCode.strip(), byDefault);
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        // counts kept by triggers: a region node (wholly in scope) reads its own row per answer (V121),
        // a grid or the reader's own grids sum the per-grid rows (V116); no answer document is read
        String sql;
        if (node.path() != null) {
            sql = "select t.question, t.value, t.n from campaign_area_answer_count t where t.campaign_id = :campaign"
                    + " and t.path = :path";
            params.put("path", node.path());
        } else {
            sql = "select t.question, t.value, sum(t.n) from campaign_answer_count t where t.campaign_id = :campaign"
                    + gridFilter(scope, node, params) + " group by t.question, t.value";
        }
        Map<String, Map<String, Long>> counts = new HashMap<>();
        Map<String, Long> answered = new HashMap<>();
        jdbc.sql(sql).params(params)
                .query(rs -> {
                    if (rs.getString(2).isEmpty()) {
                        answered.put(rs.getString(1), rs.getLong(3));
                    } else {
                        counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                });
        List<QuestionSummary> result = new ArrayList<>();
        int number = 0;
        for (Question q : form.questions()) {
            number++;
            Map<String, Long> byValue = counts.getOrDefault(q.code(), Map.of());
            long problems = byValue.entrySet().stream().filter(e -> q.isProblem(List.of(e.getKey())))
                    .mapToLong(Map.Entry::getValue).sum();
            List<QuestionSummary.Line> lines = q.kind().coded()
                    ? q.choices().stream().map(o -> new QuestionSummary.Line(o.code(), o.label(locale),
                            byValue.getOrDefault(o.code(), 0L))).toList()
                    : List.of();
            result.add(new QuestionSummary(number, q, answered.getOrDefault(q.code(), 0L), problems, lines));
        }
        return result;
    }

    // ---- staff: walking and answering ------------------------------------------------------

    /**
     * The caller's targets still to visit in walking order: not yet tried before nobody-home
     * ones; then nearest first when the phone gave its position, by address otherwise.
     */
    public List<TargetRow> nextTargets(long campaignId, Double longitude, Double latitude, int limit) {
        campaign(campaignId);
        GridScope scope = dataScope.current();
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        String where = "t.campaign_id = :campaign and " + TargetFilter.PENDING.sql + gridFilter(scope, new Node(null, null, null, ""), params);
        boolean located = longitude != null && latitude != null && Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90;
        String distance = "null";
        if (located) {
            // equirectangular metres: exact enough to order doors a few hundred metres apart
            distance = "case when t.longitude is null then null else round(6371000 * sqrt(power(radians(t.longitude - :lon)"
                    + " * cos(radians(:lat)), 2) + power(radians(t.latitude - :lat), 2))) end";
            params.put("lon", longitude);
            params.put("lat", latitude);
        }
        params.put("limit", Math.max(1, Math.min(limit, 100)));
        String order = located ? " order by (t.status = 'ATTEMPTED'), distance nulls last, t.address, t.id"
                : " order by (t.status = 'ATTEMPTED'), t.address, t.id";
        List<TargetRow> rows = jdbc.sql(TARGET_SELECT.replace("null as distance", distance + " as distance") + " where "
                + where + order + " limit :limit").params(params).query((rs, i) -> target(rs, null)).list();
        return withNames(rows);
    }

    /** One target with its form and answers; 404 outside the caller's grids. */
    public TargetView target(long campaignId, long targetId) {
        return target(dataScope.current(), campaignId, targetId);
    }

    TargetView target(GridScope scope, long campaignId, long targetId) {
        TargetRow row = jdbc.sql(TARGET_SELECT + " where t.id = ? and t.campaign_id = ?").params(targetId, campaignId)
                .query((rs, i) -> target(rs, null)).optional()
                .filter(t -> scope.allowsGrid(t.gridId()))
                .orElseThrow(() -> new NotFoundException("campaign target", targetId));
        row = withNames(List.of(row)).get(0);
        CampaignSummary campaign = jdbc.sql(SUMMARY + " where c.id = ?").param(campaignId).query(this::summary).single();
        ChecklistForm form = forms.form(campaign.formId());
        Map<String, List<String>> answers = json.answers(jdbc.sql("select answers::text from campaign_target where id = ?")
                .param(targetId).query(String.class).optional().orElse(null));
        List<String> problemCodes = form.questions().stream()
                .filter(q -> q.isProblem(answers.getOrDefault(q.code(), List.of()))).map(Question::code).toList();
        List<Long> issueIds = jdbc.sql("select issue_id from campaign_target_issue where target_id = ? order by issue_id")
                .param(targetId).query(Long.class).list();
        return new TargetView(row, campaignId, campaign.title(), campaign.dueDate(), "LAUNCHED".equals(campaign.status()),
                form, answers, problemCodes, issueIds);
    }

    /**
     * Records a visit to a target. {@code token} is the form's one-time key: a second submit of
     * the same form records nothing and returns false. Answers are checked against the form only
     * for {@link Outcome#DONE}; photo answers come as uploaded bytes by question code.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'GRID_STAFF')")
    @Transactional
    public boolean record(long campaignId, long targetId, UUID token, Outcome outcome, Map<String, List<String>> answers,
            Map<String, byte[]> photoAnswers, Double longitude, Double latitude) {
        return record(currentUsers.require(), campaignId, targetId, token, outcome, answers, photoAnswers, longitude,
                latitude);
    }

    @Transactional
    boolean record(CurrentUser user, long campaignId, long targetId, UUID token, Outcome outcome,
            Map<String, List<String>> answers, Map<String, byte[]> photoAnswers, Double longitude, Double latitude) {
        if (user.is(Role.HANDLER)) {
            throw new NotFoundException("campaign target", targetId);
        }
        TargetView view = target(dataScope.of(user), campaignId, targetId);
        if (!view.launched()) {
            throw new BusinessRuleException("campaign.error.closed");
        }
        if (token == null || outcome == null) {
            throw new BusinessRuleException("campaign.error.outcome");
        }
        if (outcome != Outcome.DONE && view.target().status() == TargetStatus.DONE) {
            throw new BusinessRuleException("campaign.error.alreadyDone");
        }
        Map<String, List<String>> given = new HashMap<>(answers == null ? Map.of() : answers);
        FormAnswers.Checked checked = null;
        if (outcome == Outcome.DONE) {
            for (Question q : view.form().questions()) {
                if (q.kind() == QuestionKind.PHOTO) {
                    // a photo answer is never taken from the request as an id: a new upload, or the one kept from before
                    byte[] upload = photoAnswers == null ? null : photoAnswers.get(q.code());
                    List<String> before = view.answers().getOrDefault(q.code(), List.of());
                    given.put(q.code(), upload != null && upload.length > 0 ? List.of("new") : before);
                }
            }
            checked = FormAnswers.check(view.form().questions(), given);
            if (!checked.valid()) {
                throw new AnswerRejectedException(checked.errors());
            }
        }
        int inserted = jdbc.sql("""
                insert into campaign_attempt (target_id, outcome, recorded_by, token, longitude, latitude)
                values (?, ?, ?, ?, ?, ?) on conflict (token) do nothing""")
                .params(targetId, outcome.name(), user.id(), token, longitude, latitude).update();
        if (inserted == 0) {
            return false;
        }
        if (outcome == Outcome.DONE) {
            Map<String, List<String>> values = new LinkedHashMap<>(checked.values());
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                if (e.getValue().equals(List.of("new"))) {
                    e.setValue(List.of(photos.store(photoAnswers.get(e.getKey()), user.id()).toString()));
                }
            }
            String document = json.write(values);
            jdbc.sql("update campaign_attempt set answers = ?::jsonb where token = ?").params(document, token).update();
            jdbc.sql("""
                    update campaign_target set status = 'DONE', attempts = attempts + 1, problems = ?, answers = ?::jsonb,
                           last_at = now(), last_by = ?, version = version + 1 where id = ?""")
                    .params(checked.problems().size(), document, user.id(), targetId).update();
        } else {
            jdbc.sql("""
                    update campaign_target set status = ?, attempts = attempts + 1, last_at = now(), last_by = ?,
                           version = version + 1 where id = ?""")
                    .params(outcome.status().name(), user.id(), targetId).update();
        }
        events.publishEvent(AuditEvent.of("CAMPAIGN_ANSWERED", "CAMPAIGN_TARGET", targetId, "campaign " + campaignId
                + " " + outcome + (checked == null ? "" : ", " + checked.problems().size() + " problems")));
        return true;
    }

    /** A photo answer of a target, after the scope check (404 otherwise). */
    public byte[] photo(long campaignId, long targetId, String questionCode, boolean thumbnail) {
        TargetView view = target(campaignId, targetId);
        String id = view.answers().getOrDefault(questionCode, List.of()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("photo", questionCode));
        try {
            return photos.load(UUID.fromString(id), thumbnail).orElseThrow(() -> new NotFoundException("photo", id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("photo", id);
        }
    }

    /**
     * Raises an issue from a target: at the household's point (or the phone's at the last visit),
     * with the target's photo answers, linked to the resident for a group campaign. Returns its id.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'GRID_STAFF')")
    @Transactional
    public long raiseIssue(long campaignId, long targetId, long categoryId, Urgency urgency, String description) {
        TargetView view = target(campaignId, targetId);
        TargetRow t = view.target();
        List<byte[]> pictures = new ArrayList<>();
        for (Question q : view.form().questions()) {
            if (q.kind() == QuestionKind.PHOTO) {
                for (String id : view.answers().getOrDefault(q.code(), List.of())) {
                    try {
                        photos.load(UUID.fromString(id), false).ifPresent(pictures::add);
                    } catch (IllegalArgumentException e) {
                        // not a photo id: nothing to attach
                    }
                }
            }
        }
        Double lon = t.longitude();
        Double lat = t.latitude();
        if (lon == null || lat == null) {
            Optional<double[]> phone = jdbc.sql("""
                    select longitude, latitude from campaign_attempt where target_id = ? and longitude is not null
                    order by recorded_at desc limit 1""").param(targetId)
                    .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).optional();
            lon = phone.map(p -> p[0]).orElse(null);
            lat = phone.map(p -> p[1]).orElse(null);
        }
        long issueId = issues.report(new ReportCommand(categoryId, urgency, description, t.address(), null, lon, lat,
                t.gridId(), null, t.residentId() == null ? List.of() : List.of(t.residentId()), null, pictures));
        jdbc.sql("insert into campaign_target_issue (target_id, issue_id) values (?, ?)").params(targetId, issueId).update();
        jdbc.sql("update campaign_target set issues = issues + 1, version = version + 1 where id = ?").param(targetId).update();
        events.publishEvent(AuditEvent.of("CAMPAIGN_ISSUE_RAISED", "CAMPAIGN_TARGET", targetId, "issue " + issueId));
        return issueId;
    }

    /** The problem answers of a target as text, to start an issue's description with. */
    public String problemText(TargetView view, Locale locale) {
        StringBuilder s = new StringBuilder(view.campaignTitle()).append(": ").append(view.target().address());
        for (String code : view.problemCodes()) {
            view.form().question(code).ifPresent(q -> s.append("\n").append(q.label(locale)).append(" ").append(
                    view.answers().getOrDefault(code, List.of()).stream().map(v -> q.choiceLabel(v, locale))
                            .collect(Collectors.joining(", "))));
        }
        return s.toString();
    }

    // ---- export ---------------------------------------------------------------------------

    /** Every target under the node in scope with its answers, in grid and address order; names masked. */
    public void exportAnswers(long campaignId, String nodeCode, Locale locale, AnswerSheet.Writer out) throws java.io.IOException {
        CampaignSummary campaign = campaign(campaignId);
        ChecklistForm form = forms.form(campaign.formId());
        GridScope scope = dataScope.current();
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        String where = "t.campaign_id = :campaign" + gridFilter(scope, node(scope, nodeCode, false), params);
        out.header(form, locale);
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("select t.id, t.grid_id, t.resident_id, t.address, t.status, t.attempts, t.problems, t.issues, t.last_at,"
                + " t.answers::text from campaign_target t where " + where + " order by t.grid_id, t.address, t.id")
                .params(params).query(rs -> {
                    rows.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getTimestamp(9), rs.getString(10)});
                    if (rows.size() >= 1000) {
                        flush(rows, form, locale, out);
                    }
                });
        flush(rows, form, locale, out);
        events.publishEvent(AuditEvent.of("EXPORT", "CAMPAIGN", campaignId, "answers"
                + (nodeCode == null || nodeCode.isBlank() ? "" : " under " + nodeCode)));
    }

    private void flush(List<Object[]> rows, ChecklistForm form, Locale locale, AnswerSheet.Writer out) {
        Map<Long, String> names = residents.labels(rows.stream().map(r -> (Long) r[2]).filter(java.util.Objects::nonNull)
                .toList()).stream().collect(Collectors.toMap(ResidentLabel::id, l -> ResidentLabel.maskName(l.name()), (a, b) -> a));
        try {
            for (Object[] r : rows) {
                GridSummary grid = grid((Long) r[1]);
                java.sql.Timestamp at = (java.sql.Timestamp) r[8];
                out.row(new AnswerSheet.Line(grids.placeName(grid), r[2] == null ? "" : names.getOrDefault((Long) r[2], ""),
                        (String) r[3], TargetStatus.valueOf((String) r[4]), (Integer) r[5], (Integer) r[6], (Integer) r[7],
                        at == null ? "" : time.seconds(at.toInstant()), json.answers((String) r[9])), form, locale);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        rows.clear();
    }

    // ---- other modules --------------------------------------------------------------------

    /** Open campaign work per user for "today": campaigns with targets still to visit in their grids. */
    List<MyCampaign> openCampaignsOf(CurrentUser user) {
        return myCampaigns(user).stream().filter(c -> c.counts().pending() > 0).toList();
    }

    // ---- helpers --------------------------------------------------------------------------

    private static final String SUMMARY = """
            select c.id, c.title, c.form_id, f.title as form_title, f.title_en as form_title_en, f.version as form_version,
                   c.target_kind, c.target_tags, c.area_code, c.start_date, c.due_date, c.status, c.created_by
            from campaign c join campaign_form f on f.id = c.form_id""";

    private static final String TARGET_SELECT = """
            select t.id, t.campaign_id, t.grid_id, t.household_id, t.resident_id, t.address, t.status, t.attempts,
                   t.problems, t.issues, t.last_at, t.longitude, t.latitude, t.note, null as distance
            from campaign_target t""";

    private GridSummary grid(long id) {
        return directory.find(id).orElseThrow(() -> new NotFoundException("grid", id));
    }

    /** A region holding grids from the grid directory's memory; one without grids from the database. */
    private Optional<RegionSummary> region(String code) {
        Optional<RegionSummary> known = directory.regionHoldingGrids(code);
        return known.isPresent() ? known : regions.findRegionByCode(code);
    }

    private String areaPath(long campaignId) {
        return jdbc.sql("select area_path from campaign where id = ?").param(campaignId).query(String.class).single();
    }

    private CampaignSummary summary(ResultSet rs, int i) throws SQLException {
        String area = rs.getString("area_code");
        return new CampaignSummary(rs.getLong("id"), rs.getString("title"), rs.getLong("form_id"), rs.getString("form_title"),
                rs.getString("form_title_en"), rs.getInt("form_version"), TargetKind.valueOf(rs.getString("target_kind")),
                rs.getString("target_tags"), area, areaName(area), rs.getObject("start_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getString("status"), Counts.NONE, rs.getLong("created_by"));
    }

    /** A grid as people name it, or a region's name: from the grid directory's memory when it holds them. */
    private String areaName(String code) {
        Optional<GridSummary> grid = directory.findByCode(code);
        return grid.isPresent() ? directory.placeName(grid.get()) : region(code).map(RegionSummary::name).orElse(code);
    }

    private static CampaignSummary withCounts(CampaignSummary s, Counts c) {
        return new CampaignSummary(s.id(), s.title(), s.formId(), s.formTitle(), s.formTitleEn(), s.formVersion(),
                s.targetKind(), s.targetTags(), s.areaCode(), s.areaName(), s.startDate(), s.dueDate(), s.status(), c, s.createdBy());
    }

    private Map<Long, Counts> countsPerCampaign(Collection<Long> ids, GridScope scope) {
        if (ids.isEmpty() || scope.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", array(ids));
        // whole subtrees read the rows kept per node (V121): the top nodes for an admin, a supervisor's
        // own nodes; staff sum the rows of their few grids
        String from;
        if (scope.unrestricted()) {
            from = "campaign_area_progress p where p.parent_path is null";
        } else if (!scope.regionPaths().isEmpty()) {
            from = "campaign_area_progress p where p.path = any(cast(:paths as text[]))";
            params.put("paths", outermost(scope.regionPaths()).toArray(String[]::new));
        } else {
            from = "campaign_grid_progress p where p.grid_id in (select unnest(cast(:grids as bigint[])))";
            params.put("grids", array(scope.gridIds()));
        }
        return jdbc.sql("select p.campaign_id, " + SUM_COLUMNS + " from " + from
                + " and p.campaign_id = any(cast(:ids as bigint[])) group by p.campaign_id").params(params)
                .query((rs, i) -> Map.entry(rs.getLong(1), counts(rs))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The paths no other path of the list lies under: their subtrees cover the list once each. */
    private static List<String> outermost(List<String> paths) {
        return paths.stream().distinct()
                .filter(p -> paths.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))).toList();
    }

    /**
     * The columns of {@link Counts} from the per-grid roll-up (V87: triggers on campaign_target
     * count each {@link TargetFilter}'s predicate), summed over the grids read.
     */
    private static final String SUM_COLUMNS = "sum(p.total) as total, sum(p.done) as done, sum(p.attempted) as attempted,"
            + " sum(p.refused) as refused, sum(p.not_started) as not_started, sum(p.problems) as problems,"
            + " sum(p.issues) as issues ";

    /** The same columns from one row of the roll-up per node (V121). */
    private static final String AREA_COLUMNS = "a.total, a.done, a.attempted, a.refused, a.not_started, a.problems,"
            + " a.issues ";

    private static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(rs.getLong("total"), rs.getLong("done"), rs.getLong("attempted"), rs.getLong("refused"),
                rs.getLong("not_started"), rs.getLong("problems"), rs.getLong("issues"));
    }

    /** A node of the territory in scope: a grid (gridId), a region (path), or none (code null: the whole scope). */
    private record Node(String code, String path, Long gridId, String name) {
    }

    private Node node(GridScope scope, String code, boolean fallBackToScope) {
        if (code == null || code.isBlank()) {
            return new Node(null, null, null, "");
        }
        String c = code.strip();
        Optional<GridSummary> grid = directory.findByCode(c);
        if (grid.isPresent()) {
            if (!scope.allowsGrid(grid.get().id())) {
                if (fallBackToScope) {
                    return new Node(null, null, null, "");
                }
                throw new NotFoundException("grid", c);
            }
            return new Node(c, null, grid.get().id(), grids.placeName(grid.get()));
        }
        Optional<RegionSummary> region = region(c);
        if (region.isEmpty()) {
            throw new NotFoundException("region", c);
        }
        if (!scope.allowsRegionPath(region.get().path())) {
            // a campaign wider than the reader's area: their part of it, from their own nodes
            if (fallBackToScope) {
                return new Node(null, null, null, "");
            }
            throw new NotFoundException("region", c);
        }
        return new Node(c, region.get().path(), null, region.get().name());
    }

    /** " and t.grid_id ..." for the node within the scope (no filter for an unrestricted reader without a node). */
    private String gridFilter(GridScope scope, Node node, Map<String, Object> params) {
        Set<Long> grids;
        if (node.gridId() != null) {
            grids = Set.of(node.gridId());
        } else if (node.path() != null) {
            grids = directory.idsUnder(node.path()).stream().filter(scope::allowsGrid).collect(Collectors.toSet());
        } else if (scope.unrestricted()) {
            return "";
        } else {
            grids = scope.gridIds();
        }
        params.put("grids", array(grids));
        return " and t.grid_id in (select unnest(cast(:grids as bigint[])))";
    }

    private static String array(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private TargetRow target(ResultSet rs, String name) throws SQLException {
        long gridId = rs.getLong("grid_id");
        GridSummary grid = grid(gridId);
        java.sql.Timestamp last = rs.getTimestamp("last_at");
        Object distance = rs.getObject("distance");
        return new TargetRow(rs.getLong("id"), rs.getLong("campaign_id"), gridId, grids.placeName(grid),
                (Long) rs.getObject("household_id"), (Long) rs.getObject("resident_id"), name, rs.getString("address"),
                TargetStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getInt("problems"),
                rs.getInt("issues"), last == null ? null : last.toInstant(),
                distance == null ? null : ((Number) distance).longValue(),
                (Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"), rs.getString("note"));
    }

    /** Resident targets get their names (masked where the reader's grids do not hold them). */
    private List<TargetRow> withNames(List<TargetRow> rows) {
        List<Long> ids = rows.stream().map(TargetRow::residentId).filter(java.util.Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return rows;
        }
        Map<Long, String> names = residents.labels(ids).stream().collect(Collectors.toMap(ResidentLabel::id,
                l -> l.open() ? l.name() : ResidentLabel.maskName(l.name()), (a, b) -> a));
        return rows.stream().map(r -> r.residentId() == null ? r : new TargetRow(r.id(), r.campaignId(), r.gridId(),
                r.gridName(), r.householdId(), r.residentId(), names.getOrDefault(r.residentId(), ""), r.address(),
                r.status(), r.attempts(), r.problems(), r.issues(), r.lastAt(), r.distanceMetres(), r.longitude(),
                r.latitude(), r.note())).toList();
    }

    private CurrentUser requireManager() {
        CurrentUser user = currentUsers.require();
        if (!user.is(Role.SUPERVISOR) && !user.is(Role.ADMIN)) {
            throw new AccessDeniedException("campaigns are launched by supervisors and admins");
        }
        return user;
    }
}
