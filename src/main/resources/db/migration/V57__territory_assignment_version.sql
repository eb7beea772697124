-- Who is assigned to which grid or region decides every user's data scope, which the in-memory
-- grid directory remembers per user: an assignment (by the application, an import or by hand)
-- moves the territory version on like a change to a grid (V55), so every instance notices it.
create trigger grid_staff_changed after insert or update or delete or truncate on grid_staff
    for each statement execute function grid_changed();

create trigger region_supervisor_changed after insert or update or delete or truncate on region_supervisor
    for each statement execute function grid_changed();
