-- Issue 18: 010-12345678 and 01012345678 were different numbers to the exact search, because the
-- keyed hash (phone_index) was taken of the number as typed. It is now taken of the number in
-- E.164 (+861012345678, libphonenumber). The stored numbers are encrypted, so SQL cannot
-- recompute them: a start-up job in Java (resident.ResidentBackfill) decrypts each, normalises it
-- and writes the new hash, once; this table records which such one-off jobs have finished.
create table if not exists resident_backfill (
    job         varchar(50) primary key,
    finished_at timestamptz not null default now()
);
