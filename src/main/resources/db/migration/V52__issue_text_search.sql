-- Text search in the issue list is a "contains" match on description and address. Without an
-- index it scans every issue (about 0.6 s at 500,000); trigram indexes let PostgreSQL answer
-- ILIKE '%...%' from the index. pg_trgm is created by the resident register migration (V20). Numbered after V51: versions only grow.
create extension if not exists pg_trgm;
create index issue_description_trgm_idx on issue using gin (description gin_trgm_ops);
create index issue_address_trgm_idx on issue using gin (address gin_trgm_ops);
