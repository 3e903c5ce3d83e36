-- The search index in two tables: partner_profile (facets: narrow rows, scanned when filtering and
-- counting without words; every facet value also as one tag so counts take one pass) and
-- partner_profile_text (the same facets with the names and the full-text document: searches with
-- words read it alone). Rows are upserted, so that a sign-in only rewrites
-- the facet row, and the text row only when the text changed.
CREATE OR REPLACE FUNCTION ot_refresh_partner_profile(p uuid) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT pe.id AS person_id, s.id AS school_id, s.country_code, c.category, s.levels, s.age_min, s.age_max,
         pe.subjects, pe.languages, pe.looking_for_partners, pe.time_zone,
         COALESCE(pe.last_sign_in_at, pe.created_at) AS last_active_at,
         ot_unaccent(lower(pe.first_name || ' ' || pe.last_name)) AS name_key,
         setweight(to_tsvector('ot_simple', pe.first_name || ' ' || pe.last_name), 'A')
           || setweight(to_tsvector('ot_simple', s.name || ' ' || s.city || ' '
                || COALESCE((SELECT string_agg(sl.label, ' ') FROM subject_label sl WHERE sl.code = ANY (pe.subjects)), '')), 'B')
           || setweight(to_tsvector(ot_ts_config(COALESCE(pe.presentation_language, pe.languages[1], pe.ui_language)),
                                    pe.presentation), 'C')
           || setweight(to_tsvector('ot_simple', pe.presentation), 'D') AS document
    INTO r
  FROM person pe
  JOIN affiliation a ON a.person_id = pe.id AND a.status = 'validated' AND a.ended_at IS NULL
  JOIN school s ON s.id = a.school_id
  JOIN country c ON c.code = s.country_code
  WHERE pe.id = p AND pe.discoverable AND pe.anonymised_at IS NULL AND pe.hidden_from_search_at IS NULL
    AND pe.profile_completed_at IS NOT NULL
  ORDER BY a.decided_at NULLS LAST, a.created_at
  LIMIT 1;
  IF NOT FOUND THEN
    DELETE FROM partner_profile WHERE person_id = p;
    RETURN;
  END IF;
  INSERT INTO partner_profile AS t (person_id, school_id, country_code, country_category, levels, age_min, age_max,
                                    subjects, languages, looking_for_partners, time_zone, last_active_at, facet_tags)
  VALUES (r.person_id, r.school_id, r.country_code, r.category, r.levels, r.age_min, r.age_max,
          r.subjects, r.languages, r.looking_for_partners, r.time_zone, r.last_active_at,
          ARRAY['country:' || r.country_code, 'category:' || r.category, 'looking:' || r.looking_for_partners::text]
            || ARRAY(SELECT 'subject:' || x FROM unnest(r.subjects) x)
            || ARRAY(SELECT 'language:' || x FROM unnest(r.languages) x)
            || ARRAY(SELECT 'schoolType:' || x FROM unnest(r.levels) x))
  ON CONFLICT (person_id) DO UPDATE SET
    school_id = EXCLUDED.school_id, country_code = EXCLUDED.country_code, country_category = EXCLUDED.country_category,
    levels = EXCLUDED.levels, age_min = EXCLUDED.age_min, age_max = EXCLUDED.age_max, subjects = EXCLUDED.subjects,
    languages = EXCLUDED.languages, looking_for_partners = EXCLUDED.looking_for_partners,
    time_zone = EXCLUDED.time_zone, last_active_at = EXCLUDED.last_active_at, facet_tags = EXCLUDED.facet_tags
  WHERE (t.school_id, t.country_code, t.country_category, t.levels, t.age_min, t.age_max, t.subjects, t.languages,
         t.looking_for_partners, t.time_zone, t.last_active_at)
    IS DISTINCT FROM (EXCLUDED.school_id, EXCLUDED.country_code, EXCLUDED.country_category, EXCLUDED.levels,
         EXCLUDED.age_min, EXCLUDED.age_max, EXCLUDED.subjects, EXCLUDED.languages, EXCLUDED.looking_for_partners,
         EXCLUDED.time_zone, EXCLUDED.last_active_at);
  INSERT INTO partner_profile_text AS t (person_id, name_key, document, country_code, country_category, levels,
                                         age_min, age_max, subjects, languages, looking_for_partners, last_active_at,
                                         facet_tags)
  SELECT r.person_id, r.name_key, r.document, pp.country_code, pp.country_category, pp.levels, pp.age_min, pp.age_max,
         pp.subjects, pp.languages, pp.looking_for_partners, pp.last_active_at, pp.facet_tags
  FROM partner_profile pp WHERE pp.person_id = r.person_id
  ON CONFLICT (person_id) DO UPDATE SET
    name_key = EXCLUDED.name_key, document = EXCLUDED.document, country_code = EXCLUDED.country_code,
    country_category = EXCLUDED.country_category, levels = EXCLUDED.levels, age_min = EXCLUDED.age_min,
    age_max = EXCLUDED.age_max, subjects = EXCLUDED.subjects, languages = EXCLUDED.languages,
    looking_for_partners = EXCLUDED.looking_for_partners, last_active_at = EXCLUDED.last_active_at,
    facet_tags = EXCLUDED.facet_tags
  WHERE (t.name_key, t.document, t.country_code, t.country_category, t.levels, t.age_min, t.age_max, t.subjects,
         t.languages, t.looking_for_partners, t.last_active_at, t.facet_tags)
    IS DISTINCT FROM (EXCLUDED.name_key, EXCLUDED.document, EXCLUDED.country_code, EXCLUDED.country_category,
         EXCLUDED.levels, EXCLUDED.age_min, EXCLUDED.age_max, EXCLUDED.subjects, EXCLUDED.languages,
         EXCLUDED.looking_for_partners, EXCLUDED.last_active_at, EXCLUDED.facet_tags);
END $$;
--> statement-breakpoint
SELECT ot_refresh_partner_profile(id) FROM person;
