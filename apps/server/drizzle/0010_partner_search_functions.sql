-- Full-text search per language (R-PF-1): one configuration per language PostgreSQL can stem,
-- each with accents folded first (ot_es, ot_en, ot_fr, …), and ot_simple (no stemming) for the rest.
DO $$
DECLARE l record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'ot_simple') THEN
    CREATE TEXT SEARCH CONFIGURATION ot_simple (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION ot_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
  FOR l IN SELECT * FROM (VALUES
      ('es', 'spanish'), ('en', 'english'), ('fr', 'french'), ('de', 'german'), ('it', 'italian'),
      ('pt', 'portuguese'), ('nl', 'dutch'), ('ro', 'romanian'), ('sv', 'swedish'), ('da', 'danish'),
      ('fi', 'finnish'), ('hu', 'hungarian'), ('el', 'greek'), ('tr', 'turkish'), ('lt', 'lithuanian'),
      ('ca', 'catalan'), ('eu', 'basque'), ('ga', 'irish'), ('no', 'norwegian'), ('nb', 'norwegian'),
      ('ru', 'russian'), ('ar', 'arabic'), ('hy', 'armenian'), ('sr', 'serbian'), ('id', 'indonesian'),
      ('et', 'estonian')) AS v(iso, cfg)
  LOOP
    IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = l.cfg)
       AND EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = l.cfg || '_stem')
       AND NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'ot_' || l.iso) THEN
      EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = %I)', 'ot_' || l.iso, l.cfg);
      EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %I',
                     'ot_' || l.iso, l.cfg || '_stem');
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- The configuration for a language code: its own stemming where there is one, else ot_simple.
CREATE OR REPLACE FUNCTION ot_ts_config(lang text) RETURNS regconfig
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT COALESCE((SELECT oid::regconfig FROM pg_ts_config WHERE cfgname = 'ot_' || lang), 'ot_simple'::regconfig) $$;
--> statement-breakpoint
-- Rebuilds one teacher's row of the partner-search index from the tables it comes from. A person
-- appears only when validated at a school, profile completed, discoverable, not hidden for
-- inactivity and not anonymised.
CREATE OR REPLACE FUNCTION ot_refresh_partner_profile(p uuid) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM partner_profile WHERE person_id = p;
  INSERT INTO partner_profile (person_id, school_id, country_code, country_category, levels, age_min, age_max,
                               subjects, languages, looking_for_partners, time_zone, last_active_at, name_key, document)
  SELECT pe.id, s.id, s.country_code, c.category, s.levels, s.age_min, s.age_max,
         pe.subjects, pe.languages, pe.looking_for_partners, pe.time_zone,
         COALESCE(pe.last_sign_in_at, pe.created_at),
         ot_unaccent(lower(pe.first_name || ' ' || pe.last_name)),
         setweight(to_tsvector('ot_simple', pe.first_name || ' ' || pe.last_name), 'A')
           || setweight(to_tsvector('ot_simple', s.name || ' ' || s.city || ' '
                || COALESCE((SELECT string_agg(sl.label, ' ') FROM subject_label sl WHERE sl.code = ANY (pe.subjects)), '')), 'B')
           || setweight(to_tsvector(ot_ts_config(COALESCE(pe.presentation_language, pe.languages[1], pe.ui_language)),
                                    pe.presentation), 'C')
           || setweight(to_tsvector('ot_simple', pe.presentation), 'D')
  FROM person pe
  JOIN affiliation a ON a.person_id = pe.id AND a.status = 'validated' AND a.ended_at IS NULL
  JOIN school s ON s.id = a.school_id
  JOIN country c ON c.code = s.country_code
  WHERE pe.id = p AND pe.discoverable AND pe.anonymised_at IS NULL AND pe.hidden_from_search_at IS NULL
    AND pe.profile_completed_at IS NOT NULL
  ORDER BY a.decided_at NULLS LAST, a.created_at
  LIMIT 1;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ot_partner_profile_from_person() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ot_refresh_partner_profile(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_partner_profile AFTER INSERT OR UPDATE ON person
  FOR EACH ROW EXECUTE FUNCTION ot_partner_profile_from_person();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ot_partner_profile_from_affiliation() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM ot_refresh_partner_profile(OLD.person_id);
  ELSE
    PERFORM ot_refresh_partner_profile(NEW.person_id);
    IF TG_OP = 'UPDATE' AND OLD.person_id <> NEW.person_id THEN
      PERFORM ot_refresh_partner_profile(OLD.person_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER affiliation_partner_profile AFTER INSERT OR UPDATE OR DELETE ON affiliation
  FOR EACH ROW EXECUTE FUNCTION ot_partner_profile_from_affiliation();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ot_partner_profile_from_school() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ot_refresh_partner_profile(a.person_id)
    FROM affiliation a WHERE a.school_id = NEW.id AND a.status = 'validated' AND a.ended_at IS NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER school_partner_profile AFTER UPDATE ON school
  FOR EACH ROW EXECUTE FUNCTION ot_partner_profile_from_school();
--> statement-breakpoint
-- Forum posts: the search document follows the title and the idea.
CREATE OR REPLACE FUNCTION ot_partner_post_document() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.document := setweight(to_tsvector(ot_ts_config(NEW.language), NEW.title), 'A')
    || setweight(to_tsvector('ot_simple', NEW.title), 'B')
    || setweight(to_tsvector(ot_ts_config(NEW.language), NEW.idea), 'C')
    || setweight(to_tsvector('ot_simple', NEW.idea), 'D');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER partner_post_document BEFORE INSERT OR UPDATE OF title, idea, language ON partner_post
  FOR EACH ROW EXECUTE FUNCTION ot_partner_post_document();
--> statement-breakpoint
-- Existing members enter the index.
SELECT ot_refresh_partner_profile(id) FROM person;
