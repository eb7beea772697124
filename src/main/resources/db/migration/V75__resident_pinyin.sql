-- Issue 18: names in pinyin order, and every reading of a name's initials searchable.
--
-- Sorting: the register listed names by character code (侯, 刘, 吴 ... 曹). ICU's "zh" collation
-- (PostgreSQL 15 with ICU: zh-x-icu) orders Chinese by pinyin, as every Chinese list does. The
-- keyset paging of 800,000 residents walks (name, id) and (grid_id, name, id) indexes; they are
-- made again under that collation so that the new order stays an index walk, not a sort.
--
-- Searching by initials: a polyphonic name has several readings (单田芳: stf as a surname, dtf as
-- the character's other reading). name_initials keeps the usual one; name_initials_keys holds
-- every reading and every beginning of each (s, st, stf, d, dt, dtf), so that what a person types
-- is one exact look-up in a GIN array index. Existing rows are filled by a start-up job in Java
-- (resident.PinyinBackfill), since the readings come from a Java library (pinyin4j).
alter table resident add column if not exists name_initials_keys text[];
create index if not exists resident_initials_keys_idx on resident using gin (name_initials_keys);

drop index if exists resident_name_idx;
drop index if exists resident_grid_name_idx;
create index resident_name_idx on resident (name collate "zh-x-icu", id);
create index resident_grid_name_idx on resident (grid_id, name collate "zh-x-icu", id);
