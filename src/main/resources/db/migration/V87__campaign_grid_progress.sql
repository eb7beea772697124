-- Campaign progress per grid, kept by triggers on campaign_target, so the progress page, the staff's
-- campaign list and the dashboard read at most one row per grid instead of counting a county's
-- 267,823 targets per page view (an aggregate over them took ~100 ms; the benchmark's pages must
-- stay near a tenth of that). Statement-level triggers with transition tables: a launch of a county
-- is one insert of one row per grid, an answer one update of one row. Every writer (the app, the
-- data generator) keeps the figures right without knowing of them.
-- The counts are the predicates of campaign.TargetFilter: DONE, ATTEMPTED, REFUSED, NOT_STARTED by
-- status; problems = targets with problems > 0; issues = targets with issues > 0.
create table campaign_grid_progress (
    campaign_id  bigint not null references campaign (id),
    grid_id      bigint not null,
    total        int    not null default 0,
    done         int    not null default 0,
    attempted    int    not null default 0,
    refused      int    not null default 0,
    not_started  int    not null default 0,
    problems     int    not null default 0,
    issues       int    not null default 0,
    primary key (campaign_id, grid_id)
);
create index campaign_grid_progress_grid_idx on campaign_grid_progress (grid_id, campaign_id);

-- one function per trigger: a function may only name the transition tables its trigger declares.
-- Targets are never deleted (a campaign keeps its record), so there is no delete trigger.
create function campaign_progress_insert() returns trigger language plpgsql as $$
begin
    insert into campaign_grid_progress as p
        (campaign_id, grid_id, total, done, attempted, refused, not_started, problems, issues)
    select campaign_id, grid_id, count(*),
           count(*) filter (where status = 'DONE'), count(*) filter (where status = 'ATTEMPTED'),
           count(*) filter (where status = 'REFUSED'), count(*) filter (where status = 'NOT_STARTED'),
           count(*) filter (where problems > 0), count(*) filter (where issues > 0)
    from new_rows group by campaign_id, grid_id
    on conflict (campaign_id, grid_id) do update set
        total = p.total + excluded.total, done = p.done + excluded.done,
        attempted = p.attempted + excluded.attempted, refused = p.refused + excluded.refused,
        not_started = p.not_started + excluded.not_started, problems = p.problems + excluded.problems,
        issues = p.issues + excluded.issues;
    return null;
end $$;
create function campaign_progress_update() returns trigger language plpgsql as $$
begin
    insert into campaign_grid_progress as p
        (campaign_id, grid_id, total, done, attempted, refused, not_started, problems, issues)
    select campaign_id, grid_id, sum(s),
           coalesce(sum(s) filter (where status = 'DONE'), 0),
           coalesce(sum(s) filter (where status = 'ATTEMPTED'), 0),
           coalesce(sum(s) filter (where status = 'REFUSED'), 0),
           coalesce(sum(s) filter (where status = 'NOT_STARTED'), 0),
           coalesce(sum(s) filter (where problems > 0), 0),
           coalesce(sum(s) filter (where issues > 0), 0)
    from (
        select campaign_id, grid_id, status, problems, issues, 1 as s from new_rows
        union all
        select campaign_id, grid_id, status, problems, issues, -1 as s from old_rows
    ) d
    group by campaign_id, grid_id
    on conflict (campaign_id, grid_id) do update set
        total = p.total + excluded.total, done = p.done + excluded.done,
        attempted = p.attempted + excluded.attempted, refused = p.refused + excluded.refused,
        not_started = p.not_started + excluded.not_started, problems = p.problems + excluded.problems,
        issues = p.issues + excluded.issues;
    return null;
end $$;

create trigger campaign_target_progress_insert after insert on campaign_target
    referencing new table as new_rows for each statement execute function campaign_progress_insert();
create trigger campaign_target_progress_update after update on campaign_target
    referencing old table as old_rows new table as new_rows for each statement execute function campaign_progress_update();

-- targets written before this migration (none outside a demo database)
insert into campaign_grid_progress (campaign_id, grid_id, total, done, attempted, refused, not_started, problems, issues)
select campaign_id, grid_id, count(*),
       count(*) filter (where status = 'DONE'), count(*) filter (where status = 'ATTEMPTED'),
       count(*) filter (where status = 'REFUSED'), count(*) filter (where status = 'NOT_STARTED'),
       count(*) filter (where problems > 0), count(*) filter (where issues > 0)
from campaign_target group by campaign_id, grid_id;
