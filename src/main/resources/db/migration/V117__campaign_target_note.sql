-- A campaign over a list a county department sent (issue 20): the list's note for each person
-- ("独居", "去年险情户") goes with the target to the staff member's phone.
alter table campaign_target add column note varchar(200);
