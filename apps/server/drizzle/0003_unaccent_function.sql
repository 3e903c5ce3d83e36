-- unaccent() is not IMMUTABLE (it depends on a dictionary), so it cannot be used in an index.
-- This wrapper names the dictionary explicitly and can (the usual PostgreSQL idiom).
CREATE OR REPLACE FUNCTION ot_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
