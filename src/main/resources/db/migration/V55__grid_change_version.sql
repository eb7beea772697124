-- Any change to a grid (created, renamed, archived, new boundary; by the application, an import or
-- by hand) moves the territory version on, so every instance's in-memory grid directory and
-- point lookup index notice it and reload.
create function grid_changed() returns trigger language plpgsql as $$
begin
    update grid_index_version set version = version + 1 where id = 1;
    return null;
end
$$;

create trigger grid_changed after insert or update or delete or truncate on grid
    for each statement execute function grid_changed();
