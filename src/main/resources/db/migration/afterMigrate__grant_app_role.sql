-- Flyway callback, not a migration: it runs after every migrate (each start-up, also when nothing was
-- pending), so the tables of every later migration are covered without a grant in each of them.
-- Least privilege (issue 16): Flyway migrates as the owner of the schema; the application connects as
-- ${app_role}, which owns nothing, so it cannot ALTER a table, disable its triggers or TRUNCATE it.
-- It reads and writes every table, except that the audit trail and its checks take no UPDATE or
-- DELETE (retention goes through audit_event_purge, V95). Nothing to do when the application connects
-- as the owner itself (app_role empty or the migrating user: one role for everything).
do $$
declare
    app text := '${app_role}';
begin
    if app = '' or app = current_user then
        return;
    end if;
    -- instances starting together: one grants at a time (concurrent GRANTs on one table can fail)
    perform pg_advisory_xact_lock(7341095);
    -- already as it should be (every start after the first): nothing to change
    if not exists (select 1 from pg_tables t where t.schemaname = 'public'
                   and not has_table_privilege(app, format('%I.%I', t.schemaname, t.tablename), 'SELECT'))
       and not has_table_privilege(app, 'public.audit_event', 'UPDATE, DELETE, TRUNCATE')
       and not has_table_privilege(app, 'public.audit_chain_check', 'UPDATE, DELETE, TRUNCATE')
       and has_function_privilege(app, 'public.audit_event_purge(integer)', 'EXECUTE') then
        return;
    end if;
    execute format('revoke all on all tables in schema public from %I', app);
    execute format('revoke all on all sequences in schema public from %I', app);
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('revoke update, delete on audit_event, audit_chain_check from %I', app);
    execute format('grant execute on function audit_event_purge(integer) to %I', app);
end
$$;
