-- The issue list shows how many issues match ("10,000+" past that). With a status or category
-- filter the count read up to 10,000 rows of the table to check each one's region (240 ms for a
-- county supervisor); with the region path in the index it reads the index alone (6 ms).
create index issue_category_status_idx on issue (category_id, status) include (region_path);
drop index issue_status_idx;
create index issue_status_idx on issue (status, id desc) include (region_path);

-- Open311's public request list, newest first: only the requests that came in through Open311
-- (one in ten), which the primary key reached by skipping the other nine.
create index issue_open311_idx on issue (id desc) include (reported_at) where source = 'OPEN311';
