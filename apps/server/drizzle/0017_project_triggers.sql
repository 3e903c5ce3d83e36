-- The gallery's full-text document of a project: title, summary and aims stemmed in the project's
-- first working language and as plain words (accents folded).
CREATE OR REPLACE FUNCTION ot_project_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.document := setweight(to_tsvector(ot_ts_config(COALESCE(NEW.languages[1], 'en')), NEW.title), 'A')
    || setweight(to_tsvector('ot_simple', NEW.title), 'B')
    || setweight(to_tsvector(ot_ts_config(COALESCE(NEW.languages[1], 'en')),
         COALESCE(NEW.summary, '') || ' ' || COALESCE(NEW.aims, '')), 'C')
    || setweight(to_tsvector('ot_simple', COALESCE(NEW.summary, '') || ' ' || COALESCE(NEW.aims, '')), 'D');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER project_document BEFORE INSERT OR UPDATE OF title, summary, aims, languages ON project
  FOR EACH ROW EXECUTE FUNCTION ot_project_document();
--> statement-breakpoint
-- A project's countries and number of schools are derived from its present members' schools.
CREATE OR REPLACE FUNCTION ot_refresh_project_members() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE pid uuid := COALESCE(NEW.project_id, OLD.project_id);
BEGIN
  UPDATE project p SET
    country_codes = COALESCE((SELECT array_agg(DISTINCT s.country_code ORDER BY s.country_code)
                              FROM project_member m JOIN school s ON s.id = m.school_id
                              WHERE m.project_id = pid AND m.left_at IS NULL), '{}'),
    school_count = (SELECT count(DISTINCT m.school_id) FROM project_member m
                    WHERE m.project_id = pid AND m.left_at IS NULL)
  WHERE p.id = pid;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER project_member_refresh AFTER INSERT OR UPDATE OR DELETE ON project_member
  FOR EACH ROW EXECUTE FUNCTION ot_refresh_project_members();
