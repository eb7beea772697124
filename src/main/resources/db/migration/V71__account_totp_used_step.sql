-- Issue 16: a TOTP code is single use (RFC 6238 section 5.2). The last accepted time step is kept
-- per user; a code of that step or an earlier one is refused, even within the drift window.
-- A table of its own, not a column of app_user: the login throttle updates app_user in a
-- transaction of its own while the second step's transaction is still open.
create table totp_used_step (
    user_id  bigint  primary key references app_user (id) on delete cascade,
    step     bigint  not null
);
