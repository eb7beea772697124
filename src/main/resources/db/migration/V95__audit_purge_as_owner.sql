-- Issue 16, least privilege: the application's database role no longer owns the tables and may not
-- UPDATE, DELETE or TRUNCATE audit_event (grants in the afterMigrate callback), yet rows past the
-- retention period must still go. This function runs with the rights of the role that migrates (the
-- owner), removes only rows older than what it is given and never a row younger than the 180-day
-- floor, whatever it is asked; the V42 trigger still refuses the rest. Only the application's role
-- may call it (granted with the other rights).
create function audit_event_purge(keep_days integer) returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    removed integer;
begin
    delete from audit_event where occurred_at < now() - make_interval(days => greatest(keep_days, 180));
    get diagnostics removed = row_count;
    return removed;
end
$$;

revoke execute on function audit_event_purge(integer) from public;
