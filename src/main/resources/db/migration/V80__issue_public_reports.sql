-- Residents report problems without an account (群众随手拍, issue 19): a public page creates an
-- issue with source PUBLIC. Categories say whether residents may choose them (family disputes or
-- epidemic work are not for an anonymous form): admins switch the flag. What the resident leaves
-- beyond the issue itself lives here, not on issue: the tracking code they follow it with, their
-- optional name and phone (encrypted by shared.crypto, never shown publicly), what the abuse
-- limits count (a keyed hash of the address, the device cookie) and their satisfaction rating.
alter table issue drop constraint issue_source_check;
alter table issue add constraint issue_source_check
    check (source in ('STAFF', 'VISIT', 'SUPERVISOR', 'OPEN311', 'PUBLIC'));

alter table issue_category add column public_reporting boolean not null default false;
update issue_category set public_reporting = true
 where code in ('SAFETY_FIRE', 'SAFETY_BUILDING', 'SAFETY_TRAFFIC', 'SAFETY_FLOOD', 'ENV_GARBAGE', 'ENV_SEWAGE',
                'ENV_NOISE', 'ENV_BURNING', 'FACILITY_ROAD', 'FACILITY_LAMP', 'FACILITY_MANHOLE', 'FACILITY_WATER',
                'OTHER_GENERAL');

create table public_report (
    issue_id        bigint primary key references issue (id),
    -- 10 characters of a 32-letter alphabet (no 0/O, 1/I): 50 bits from SecureRandom, not the issue id
    tracking_code   varchar(10)  not null unique,
    name_enc        varchar(500),
    phone_enc       varchar(500),
    -- HMAC of the client address (shared.crypto blind index): counted, never shown
    address_hash    varchar(64)  not null,
    device_id       varchar(40)  not null,
    created_at      timestamptz  not null,
    -- 满意 / 基本满意 / 不满意, once, after closure
    satisfaction    varchar(12)  check (satisfaction in ('SATISFIED', 'BASIC', 'UNSATISFIED')),
    rating_comment  varchar(500),
    rated_at        timestamptz
);
-- the limits count recent reports per address and per device
create index public_report_address_idx on public_report (address_hash, created_at);
create index public_report_device_idx on public_report (device_id, created_at);
create index public_report_rated_idx on public_report (rated_at) where rated_at is not null;

-- 不满意 within 7 days of closure: the supervisor may reopen the issue for rework (Issue.reopenForRework)
alter table issue add column resident_unsatisfied boolean not null default false;
