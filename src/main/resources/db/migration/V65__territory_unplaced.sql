-- Issue 15: residents, households and open issues whose location a boundary change left outside
-- every grid. They keep their old grid (grid_id is not null everywhere) but must not stay there
-- silently: the admin sees them on a screen of their own until a boundary covers them again.
-- Owned by territory; other modules' rows are named by (kind, item_id), no foreign key crosses.
create table territory_unplaced (
    kind        varchar(60)      not null,
    item_id     bigint           not null,
    grid_id     bigint           not null references grid (id),
    longitude   double precision not null,
    latitude    double precision not null,
    label       varchar(200)     not null,
    since       timestamptz      not null default now(),
    primary key (kind, item_id)
);
