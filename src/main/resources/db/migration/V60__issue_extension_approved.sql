-- Issue 14: sending an issue back for rework must never move its deadline earlier than an
-- approved extension (延期). The issue remembers that an extension was approved, so the rework
-- keeps the extended deadline when it is later than a fresh one. Issues whose timeline already
-- holds an approved extension get the flag.
alter table issue add column extension_approved boolean not null default false;

update issue set extension_approved = true
 where id in (select issue_id from issue_event where action = 'EXTENSION_APPROVED');
