-- Photos of visits and issues. Kept in the database (not under the web root, not on one
-- instance's disk) so that every instance serves them and backups include them; only
-- controllers that check the owning record's data scope hand them out.
create table photo (
    id            uuid primary key,
    content_type  varchar(40) not null,
    width         integer     not null,
    height        integer     not null,
    size_bytes    integer     not null,
    data          bytea       not null,
    thumbnail     bytea       not null,
    uploaded_by   bigint references app_user (id),
    created_at    timestamptz not null default now()
);
