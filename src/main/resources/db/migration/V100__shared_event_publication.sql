-- Spring Modulith's event publication registry (issue 17): every reaction of one module to
-- another's event (re-gridding after a boundary change, care plans after a visit, notifications)
-- is recorded in the publishing transaction and marked complete when the reaction has run, so a
-- crash after commit does not lose it; incomplete ones are submitted again (shared.events).
-- The schema of spring-modulith-events-jdbc 2.0 (schemas/v2/schema-postgresql.sql), here rather
-- than created by the library at start-up, so Flyway owns every table. Completed publications
-- are deleted (spring.modulith.events.completion-mode=DELETE): three million visits must not
-- leave three million rows.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
