-- Division import at national scale (issue 15): 665,276 divisions, 620,573 of them villages, in
-- under a minute on the 2-core build machine. Inserted one by one into region with its four
-- secondary indexes and the parent foreign key, the villages cost 17 s of the server's CPU
-- (measured on the real national file: 11.6 s for index upkeep, ~5 s for the foreign-key check of
-- each row), i.e. 60-100 s of wall time while other builds share the machine. Into the table with
-- only its primary key and code index, then the other indexes built by one sort each and the foreign
-- key checked by one join, the same rows cost ~7 s.
--
-- The application's role owns nothing and may not drop an index (issue 16). This function runs with
-- the owner's rights and does a whole load in one call, so region is never left without an index or
-- its foreign key: what it drops it makes again before it returns, from the definitions it read from
-- the catalogue at the start (an index a later migration adds is covered too); an error anywhere rolls
-- all of it back with the caller's transaction. It inserts what the caller staged in region_load
-- (the rows the caller could insert into region itself: it gains no other right by calling it), level
-- by level, each row under the node its parent_code names, and empties region_load.
--
-- Dropping an index takes region's exclusive lock until the import commits: only done when the load
-- is at least half the size of the table (a first load: the table is empty or holds a few counties)
-- and at least 20,000 rows, and only when the lock comes within 5 s (otherwise the rows go in with
-- the indexes in place, slower but without waiting). Smaller imports always keep the indexes.
create unlogged table region_load (
    code        varchar(12)  not null,
    name        varchar(100) not null,
    level       varchar(10)  not null,
    parent_code varchar(12)
);

create function region_bulk_insert() returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    staged     bigint;
    existing   bigint;
    bulk       boolean := false;
    index_defs text[] := '{}';
    index_names text[] := '{}';
    fk_names   text[] := '{}';
    fk_defs    text[] := '{}';
    lvl        text;
    n          integer;
    total      integer := 0;
    i          integer;
    old_lock_timeout text := current_setting('lock_timeout');
begin
    select count(*) into staged from region_load;
    if staged = 0 then
        return 0;
    end if;
    analyze region_load;
    select count(*) into existing from region;
    if staged >= 20000 and staged * 2 >= existing then
        begin
            perform set_config('lock_timeout', '5s', true);
            lock table region in access exclusive mode;
            bulk := true;
        exception when lock_not_available or deadlock_detected then
            bulk := false;
        end;
        perform set_config('lock_timeout', old_lock_timeout, true);
    end if;
    if bulk then
        -- secondary indexes only: the primary key (other tables' foreign keys need it) and the code
        -- (parents are found by it) stay
        select coalesce(array_agg(c.relname::text), '{}'), coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}')
          into index_names, index_defs
          from pg_index i join pg_class c on c.oid = i.indexrelid
         where i.indrelid = 'region'::regclass and not i.indisunique and not i.indisprimary
           and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);
        select coalesce(array_agg(conname::text), '{}'), coalesce(array_agg(pg_get_constraintdef(oid)), '{}')
          into fk_names, fk_defs
          from pg_constraint where conrelid = 'region'::regclass and contype = 'f';
        for i in 1 .. coalesce(array_length(fk_names, 1), 0) loop
            execute format('alter table region drop constraint %I', fk_names[i]);
        end loop;
        for i in 1 .. coalesce(array_length(index_names, 1), 0) loop
            execute format('drop index %I', index_names[i]);
        end loop;
    end if;
    foreach lvl in array array['PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'VILLAGE'] loop
        if lvl = 'PROVINCE' then
            insert into region (code, name, level, parent_id, path, depth)
            select s.code, s.name, s.level, null, '/' || s.code || '/', 0
              from region_load s
             where s.level = lvl and s.parent_code is null
               and not exists (select 1 from region r where r.code = s.code);
            get diagnostics n = row_count;
            total := total + n;
        end if;
        insert into region (code, name, level, parent_id, path, depth)
        select s.code, s.name, s.level, p.id, p.path || s.code || '/', p.depth + 1
          from region_load s join region p on p.code = s.parent_code
         where s.level = lvl
           and not exists (select 1 from region r where r.code = s.code);
        get diagnostics n = row_count;
        total := total + n;
        if n > 1000 then
            -- the next level joins its parents in region: statistics of the table as it is now
            analyze region;
        end if;
    end loop;
    if bulk then
        for i in 1 .. coalesce(array_length(index_defs, 1), 0) loop
            execute index_defs[i];
        end loop;
        for i in 1 .. coalesce(array_length(fk_names, 1), 0) loop
            execute format('alter table region add constraint %I %s', fk_names[i], fk_defs[i]);
        end loop;
    end if;
    -- only this transaction's rows are visible here (every import empties it before it commits)
    delete from region_load;
    return total;
end
$$;
