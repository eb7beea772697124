-- Issue 19: an Open311 request may carry only an address (address_string or address_id) and no
-- point, as GeoReport v2 allows. Gridwork geocodes nothing, so such a request lands as a REPORTED
-- issue without a point and without a grid, "to be placed": a supervisor taps its point on a map,
-- after which the normal grid placement and loop apply.
--
-- Why a null grid and not a holding grid: a fake grid would be counted in every figure, listed
-- under a village it is not in and given staff; a null grid is counted in no grid's figures and
-- no region's list (those join or filter by grid), and grid staff, whose scope is a list of grids,
-- never see it. region_path stays not null: it holds the smallest area holding all grids at the
-- time of the report (the county for a county's territory), so the supervisors of that area, the
-- ones a channel's request reaches, see it through the path prefix they already see by.
alter table issue alter column grid_id drop not null;
-- no point means no grid, and only a report can be unplaced (filing needs a grid; rejecting spam does not)
alter table issue add constraint issue_unplaced_check
    check (grid_id is not null or (longitude is null and latitude is null and status in ('REPORTED', 'REJECTED')));
-- the "to be placed" queue
create index issue_unplaced_idx on issue (id desc) where grid_id is null;
