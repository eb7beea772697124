-- Open311's public request list now holds the residents' reports from the public page too (issue
-- 19): the partial index of V54 covered source OPEN311 only, so the list would fall back to the
-- primary key skipping every staff report. Same index, both public sources.
drop index issue_open311_idx;
create index issue_public_request_idx on issue (id desc) include (reported_at) where source in ('OPEN311', 'PUBLIC');
