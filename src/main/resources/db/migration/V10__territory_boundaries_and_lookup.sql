-- Territory: what the boundary history, the point-to-grid lookup and the division import need.
-- boundary_since dates the current boundary, so that a redraw can store the old one in
-- grid_boundary_history with its true validity period (updated_at also moves on renames).
alter table grid add column boundary_since timestamptz;
update grid set boundary_since = created_at where boundary_geojson is not null;

-- One counter, bumped in the same transaction as every boundary or status change of a grid.
-- Each app instance compares it with the version its lookup index was built from, so instances
-- that did not make the change still rebuild their index (a cheap primary-key read).
create table grid_index_version (
    id      smallint primary key check (id = 1),
    version bigint not null
);
insert into grid_index_version (id, version) values (1, 0);

-- Browsing filters by level and status at 600,000 nodes.
create index region_level_idx on region (level);
create index grid_status_idx on grid (status);
