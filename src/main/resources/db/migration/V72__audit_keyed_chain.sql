-- Issue 16: a tamper-evident audit trail that is checked.
-- The V42 chain was unkeyed SHA-256: whoever could write the table could recompute it. Rows are now
-- written by the application with an HMAC-SHA256 over the same content (id, time, fields, previous
-- hash), keyed with gridwork.audit.chain-key, which lives in the application's configuration and
-- never in the database. Rows written before stay SHA-256 (keyed = false); the first keyed row's
-- HMAC covers the last of them, so they cannot be rewritten either. An unkeyed row after a keyed one
-- is itself a sign of tampering. AuditChainJob verifies the whole chain and records the result in
-- audit_chain_check, which the admin's home and /admin/audit/chain show.
alter table audit_event add column keyed boolean not null default false;

-- The application takes the chain's lock, the previous hash, the id and the time in one statement,
-- then inserts the row with its HMAC in the same transaction (the lock is held until commit).
create function audit_event_next(out prev_hash char(64), out next_id bigint, out occurred_at timestamptz)
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7341002);
    select e.hash into prev_hash from audit_event e order by e.id desc limit 1;
    prev_hash := coalesce(prev_hash, repeat('0', 64));
    next_id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    occurred_at := clock_timestamp();
end
$$;

create or replace function audit_event_chain() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7341002);
    if new.keyed then
        return new; -- id, time, previous hash and HMAC come from the application (audit_event_next)
    end if;
    new.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    new.occurred_at := clock_timestamp();
    select hash into new.prev_hash from audit_event order by id desc limit 1;
    new.prev_hash := coalesce(new.prev_hash, repeat('0', 64));
    new.hash := encode(sha256(convert_to(audit_event_content(new), 'UTF8')), 'hex');
    return new;
end
$$;

create table audit_chain_check (
    id            bigint       generated always as identity primary key,
    checked_at    timestamptz  not null default now(),
    rows_checked  bigint       not null,
    broken_at     bigint,
    broken_reason varchar(40)
);
