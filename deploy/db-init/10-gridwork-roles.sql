-- Least privilege in the database (issue 16). Run once by the postgres image on an empty data
-- directory (mounted into /docker-entrypoint-initdb.d by docker-compose.yml), as the image's
-- superuser, in the database POSTGRES_DB. It can also be run by hand on any PostgreSQL 15 or newer:
--   GRIDWORK_DB_OWNER_PASSWORD=... GRIDWORK_DB_APP_PASSWORD=... POSTGRES_DB=gridwork \
--     psql -U postgres -d gridwork -f deploy/db-init/10-gridwork-roles.sql
-- Running it again is harmless: existing roles keep their rights and get the passwords given.
--
-- gridwork_owner owns the database and so the schema public (PostgreSQL 15: pg_database_owner);
-- Flyway migrates as it (SPRING_FLYWAY_USER) and grants gridwork_app its rights after each migrate
-- (afterMigrate__grant_app_role.sql). gridwork_app is what the application connects as
-- (SPRING_DATASOURCE_USERNAME): it reads and writes the tables but owns none, so it cannot ALTER,
-- disable triggers, TRUNCATE, create tables, nor UPDATE or DELETE audit rows. Neither is a superuser.
\set ON_ERROR_STOP on
\getenv owner_password GRIDWORK_DB_OWNER_PASSWORD
\getenv app_password GRIDWORK_DB_APP_PASSWORD
\getenv database POSTGRES_DB

select :'owner_password' <> '' and :'app_password' <> '' as passwords_given \gset
\if :passwords_given
\else
  do $$ begin raise exception 'Set GRIDWORK_DB_OWNER_PASSWORD and GRIDWORK_DB_APP_PASSWORD'; end $$;
\endif

select format('create role gridwork_owner login nosuperuser nocreatedb nocreaterole')
 where not exists (select 1 from pg_roles where rolname = 'gridwork_owner') \gexec
select format('create role gridwork_app login nosuperuser nocreatedb nocreaterole noinherit')
 where not exists (select 1 from pg_roles where rolname = 'gridwork_app') \gexec
alter role gridwork_owner password :'owner_password';
alter role gridwork_app password :'app_password';

alter database :"database" owner to gridwork_owner;
-- Only the two roles connect; the app may make temporary tables (the division import stages its rows).
revoke all on database :"database" from public;
grant connect, temporary on database :"database" to gridwork_owner, gridwork_app;
