-- Town and village names are kept in memory beside the grids (area filters): a change to the
-- divisions (an import, a rename) moves the territory version on like a change to a grid (V55).
create trigger region_changed after insert or update or delete or truncate on region
    for each statement execute function grid_changed();
