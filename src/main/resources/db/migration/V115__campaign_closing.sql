-- Closing a campaign (issue 20): the supervisor who launched it (or an admin) ends it; staff lists,
-- /today and the dashboard's figure read status = 'LAUNCHED' only, so a closed campaign leaves them
-- while its progress and answers stay readable. Who closed it and when, for the campaign page (the
-- audit trail has it too).
alter table campaign add column closed_at timestamptz;
alter table campaign add column closed_by bigint references app_user (id);
