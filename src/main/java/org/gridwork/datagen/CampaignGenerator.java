package org.gridwork.datagen;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A flood-season campaign (issue 20) over the whole preset, launched ten days ago by the preset's
 * supervisor with the ready-made form, half done: of every second household about 80 % checked
 * (one in eight with a problem), 15 % nobody home and 5 % refused, by the grid's staff. Written as
 * the app writes a launch, with INSERT ... SELECT; the per-grid roll-up follows by its triggers.
 */
@Component
@Profile("datagen")
@Order(4)
class CampaignGenerator implements ResidentDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(CampaignGenerator.class);

    private static final String SAFE = """
            {"q1": ["1"], "q2": ["NO"], "q3": ["NO"], "q4": ["NO"], "q7": ["YES"], "q8": ["村委会"]}""";
    private static final String RISKY = """
            {"q1": ["3"], "q2": ["YES"], "q3": ["YES"], "q4": ["YES"], "q5": ["2"], "q6": ["1"], "q7": ["YES"], "q8": ["村小学"]}""";

    private final JdbcTemplate jdbc;
    private final org.gridwork.shared.time.BusinessTime time;

    CampaignGenerator(JdbcTemplate jdbc, org.gridwork.shared.time.BusinessTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public void generate(Preset preset, Random random, List<TerritoryGenerator.GeneratedGrid> grids, Map<Long, Long> staffOfGrid) {
        List<Map<String, Object>> area = jdbc.queryForList("""
                select r.code, r.path, u.id as supervisor from region r join region_supervisor s on s.region_id = r.id
                join app_user u on u.id = s.user_id where u.username = 'supervisor' order by r.depth limit 1""");
        Long form = jdbc.query("select id from campaign_form where title = '汛期入户排查' order by id limit 1",
                rs -> rs.next() ? rs.getLong(1) : null);
        if (area.isEmpty() || form == null) {
            log.info("datagen: no campaign (no preset supervisor or no ready-made form)");
            return;
        }
        LocalDate today = time.today();
        long start = System.nanoTime();
        Long campaign = jdbc.queryForObject("""
                insert into campaign (title, form_id, target_kind, area_code, area_path, start_date, due_date, status,
                                      created_by, launched_at)
                values ('汛期入户排查（全域）', ?, 'HOUSEHOLDS', ?, ?, ?, ?, 'LAUNCHED', ?, now() - interval '10 days')
                returning id""", Long.class, form, area.get(0).get("code"), area.get(0).get("path"), today.minusDays(10),
                today.plusDays(20), area.get(0).get("supervisor"));
        int targets = jdbc.update("""
                insert into campaign_target (campaign_id, grid_id, household_id, address, longitude, latitude)
                select ?, h.grid_id, h.id, h.address, h.longitude, h.latitude from household h
                join grid g on g.id = h.grid_id where g.status = 'ACTIVE' and g.region_path like ?""",
                campaign, area.get(0).get("path") + "%");
        // every second household visited; (id / 2) % 20 picks the outcome and % 8 a problem, deterministically
        int visited = jdbc.update("""
                update campaign_target t set
                    status = case when (t.id / 2) % 20 < 16 then 'DONE' when (t.id / 2) % 20 < 19 then 'ATTEMPTED' else 'REFUSED' end,
                    answers = case when (t.id / 2) % 20 >= 16 then null when (t.id / 2) % 8 = 0 then ?::jsonb else ?::jsonb end,
                    problems = case when (t.id / 2) % 20 < 16 and (t.id / 2) % 8 = 0 then 4 else 0 end,
                    attempts = 1, last_at = now() - ((t.id % 240) || ' hours')::interval,
                    last_by = (select min(gs.user_id) from grid_staff gs where gs.grid_id = t.grid_id)
                where t.campaign_id = ? and t.id % 2 = 0""", RISKY, SAFE, campaign);
        jdbc.update("""
                insert into campaign_attempt (target_id, outcome, answers, recorded_by, recorded_at, token)
                select t.id, case t.status when 'ATTEMPTED' then 'NOBODY_HOME' else t.status end, t.answers, t.last_by,
                       t.last_at, md5('campaign-attempt-' || t.id)::uuid
                from campaign_target t where t.campaign_id = ? and t.status <> 'NOT_STARTED' and t.last_by is not null""",
                campaign);
        jdbc.update("update campaign set target_count = ? where id = ?", targets, campaign);
        log.info("datagen: campaign over {} households, {} visited, in {} ms", targets, visited,
                (System.nanoTime() - start) / 1_000_000);
    }
}
