-- Dashboard read model (指挥看板). Page views and monthly reports read only these tables, never
-- the issue, visit or task tables, so a view costs the same at county scale (2,000 grids, 500,000
-- issues) as for one village. A scheduled refresh asks each module for per-grid figures and adds
-- them up into every region node above the grid; rates keep numerator and denominator so that a
-- town's rate is computed over all its issues, not averaged over grids.
--
-- node path: the region's materialised path ('/13/1305/130528/130528112/'), or for a grid its
-- village's path followed by the grid code and '/'.
create table dashboard_node (
    path         varchar(220) primary key,
    parent_path  varchar(220),
    code         varchar(20)  not null,
    name         varchar(100) not null,
    level        varchar(10)  not null,
    grid_id      bigint
);
create index dashboard_node_parent_idx on dashboard_node (parent_path);
create index dashboard_node_code_idx on dashboard_node (code);
create index dashboard_node_path_idx on dashboard_node (path text_pattern_ops);

-- period: 'current' for figures of the present state, 'YYYY-MM' for the figures of a month
create table dashboard_rollup (
    node_path    varchar(220)     not null,
    period       varchar(7)       not null,
    figure       varchar(40)      not null,
    dimension    varchar(100)     not null,
    numerator    double precision not null,
    denominator  double precision not null,
    primary key (node_path, period, figure, dimension)
);

-- when each period was last computed: the "as of 10:42" on the dashboard
create table dashboard_refresh (
    period        varchar(7)  primary key,
    refreshed_at  timestamptz not null
);
