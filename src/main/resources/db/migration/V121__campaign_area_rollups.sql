-- A campaign's progress and answer counts per region node (county, town, village), kept by triggers on
-- the per-grid figures (V87, V116) as those are kept on the targets. The progress page of a county
-- campaign grouped ~2,000 grid rows per view and its summary summed ~38,000 count rows (45-100 ms);
-- now each reads the rows of one node and of its children. A grid's region path is fixed when the grid
-- is made (Grid's constructor; region paths are division codes), so a grid's rows always add to the
-- same nodes. Every answer adds to the rows of each node above its grid: writers of one campaign
-- queue on those rows for the rest of their (short) transaction, and rows are taken in key order, so
-- two writers never wait for each other crosswise.

-- '/13/1305/130528/' -> '/13/', '/13/1305/', '/13/1305/130528/', each with the node above it
create function region_path_nodes(region_path text) returns table (path text, parent_path text)
    language sql immutable as $$
    select left(region_path, i), nullif(left(region_path, coalesce(lag(i) over (order by i), 0)), '')
    from generate_series(2, length(region_path)) i
    where substr(region_path, i, 1) = '/'
$$;

create table campaign_area_progress (
    campaign_id  bigint       not null references campaign (id),
    path         varchar(200) not null,
    parent_path  varchar(200),
    total        int          not null default 0,
    done         int          not null default 0,
    attempted    int          not null default 0,
    refused      int          not null default 0,
    not_started  int          not null default 0,
    problems     int          not null default 0,
    issues       int          not null default 0,
    primary key (campaign_id, path)
);
create index campaign_area_progress_parent_idx on campaign_area_progress (campaign_id, parent_path);

create table campaign_area_answer_count (
    campaign_id  bigint       not null references campaign (id),
    path         varchar(200) not null,
    question     varchar(40)  not null,
    value        varchar(200) not null,
    n            int          not null default 0,
    primary key (campaign_id, path, question, value)
);

-- Adds changes of per-grid rows (rows holding differences: a new row, or new minus old) to the rows of
-- every node above each grid. One function per table for the insert and the update triggers, which
-- differ only in the changes they pass (a trigger function may only name its own transition tables).
create function campaign_area_progress_add(changes campaign_grid_progress[]) returns void language sql as $$
    insert into campaign_area_progress as a
        (campaign_id, path, parent_path, total, done, attempted, refused, not_started, problems, issues)
    select d.campaign_id, x.path, x.parent_path, sum(d.total), sum(d.done), sum(d.attempted), sum(d.refused),
           sum(d.not_started), sum(d.problems), sum(d.issues)
    from unnest(changes) d join grid g on g.id = d.grid_id cross join lateral region_path_nodes(g.region_path) x
    group by 1, 2, 3 order by 1, 2
    on conflict (campaign_id, path) do update set
        total = a.total + excluded.total, done = a.done + excluded.done,
        attempted = a.attempted + excluded.attempted, refused = a.refused + excluded.refused,
        not_started = a.not_started + excluded.not_started, problems = a.problems + excluded.problems,
        issues = a.issues + excluded.issues
$$;

create function campaign_area_answers_add(changes campaign_answer_count[]) returns void language sql as $$
    insert into campaign_area_answer_count as a (campaign_id, path, question, value, n)
    select d.campaign_id, x.path, d.question, d.value, sum(d.n)
    from unnest(changes) d join grid g on g.id = d.grid_id cross join lateral region_path_nodes(g.region_path) x
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (campaign_id, path, question, value) do update set n = a.n + excluded.n
$$;

create function campaign_area_progress_insert() returns trigger language plpgsql as $$
begin
    perform campaign_area_progress_add(array(select changed::campaign_grid_progress from new_rows changed));
    return null;
end $$;

create function campaign_area_progress_update() returns trigger language plpgsql as $$
begin
    perform campaign_area_progress_add(array(
        select row(n.campaign_id, n.grid_id, n.total - o.total, n.done - o.done, n.attempted - o.attempted,
                   n.refused - o.refused, n.not_started - o.not_started, n.problems - o.problems,
                   n.issues - o.issues)::campaign_grid_progress
        from new_rows n join old_rows o on o.campaign_id = n.campaign_id and o.grid_id = n.grid_id));
    return null;
end $$;

create trigger campaign_grid_progress_area_insert after insert on campaign_grid_progress
    referencing new table as new_rows for each statement execute function campaign_area_progress_insert();
create trigger campaign_grid_progress_area_update after update on campaign_grid_progress
    referencing old table as old_rows new table as new_rows for each statement execute function campaign_area_progress_update();

create function campaign_area_answers_insert() returns trigger language plpgsql as $$
begin
    perform campaign_area_answers_add(array(select changed::campaign_answer_count from new_rows changed));
    return null;
end $$;

create function campaign_area_answers_update() returns trigger language plpgsql as $$
begin
    perform campaign_area_answers_add(array(
        select row(n.campaign_id, n.grid_id, n.question, n.value, n.n - o.n)::campaign_answer_count
        from new_rows n join old_rows o on o.campaign_id = n.campaign_id and o.grid_id = n.grid_id
             and o.question = n.question and o.value = n.value
        where n.n <> o.n));
    return null;
end $$;

create trigger campaign_answer_count_area_insert after insert on campaign_answer_count
    referencing new table as new_rows for each statement execute function campaign_area_answers_insert();
create trigger campaign_answer_count_area_update after update on campaign_answer_count
    referencing old table as old_rows new table as new_rows for each statement execute function campaign_area_answers_update();

-- the figures of campaigns launched before this migration
select campaign_area_progress_add(array(select p from campaign_grid_progress p));
select campaign_area_answers_add(array(select t from campaign_answer_count t));
