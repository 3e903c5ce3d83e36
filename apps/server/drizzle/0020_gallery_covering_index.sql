-- The gallery's filters read from the index alone (no visit to the wide project rows): the public
-- projects newest first, with every filtered column carried along. Drizzle cannot declare INCLUDE.
CREATE INDEX IF NOT EXISTS project_gallery_facets_idx ON project (activated_at DESC, id DESC)
  INCLUDE (state, kind, school_year, age_min, age_max, country_codes, subjects, languages)
  WHERE listed AND state IN ('active', 'closed');
