-- Marks that the demo data set was loaded, so it is loaded once only and never into real data.
create table demo_data_load (
    loaded_at timestamptz not null
);
