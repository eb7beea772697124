-- Partial name search ("contains") over 800,000 residents. pg_trgm makes no trigrams of Chinese
-- characters here, so its index cannot serve '%王建%'. Names are short: index every character and
-- every pair of neighbouring characters, and look a query up by its pairs (or its one character),
-- then confirm with ILIKE. Idempotent, as county data sets may carry it already.
create or replace function resident_name_grams(n text) returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct substr(lower(n), i, l)), '{}')
  from generate_series(1, char_length(n)) as i, (values (1), (2)) as len(l)
  where i + l - 1 <= char_length(n)
$$;
create index if not exists resident_name_grams_idx on resident using gin (resident_name_grams(name));
