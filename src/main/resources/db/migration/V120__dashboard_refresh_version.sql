-- The dashboard's caches follow a refresh counter instead of the latest refresh time. A refresh stamped
-- by a clock that had run ahead (another instance's skew, a clock stepped back by NTP, a test's fixed
-- clock) kept the "latest" time, so every later refresh looked older and the cached figures stayed
-- behind their lists. Each refresh writes max + 1 under the roll-up's advisory lock.
alter table dashboard_refresh add column version bigint not null default 0;
