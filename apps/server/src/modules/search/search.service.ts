import type {
  FacetCount,
  SchoolSearchResponse,
  SearchFilters,
  TeacherCard,
  TeacherSearchResponse,
} from '@opentwinning/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { requireValidated, type Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { rowsOf, toIso } from '../../platform/db/types.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Partner search (R-PF-1) over the partner_profile index: facets, accent-insensitive full text
 * stemmed per language, typo-tolerant names, relevance then recent activity, keyset pages.
 * Only rows of that index can be found: pending, hidden, anonymised or opted-out people have none.
 */

const configCache = new WeakMap<Db, Promise<string[]>>();
/** The text-search configurations the database has (ot_simple, ot_es, ot_en, …). */
function searchConfigs(db: Db): Promise<string[]> {
  let configs = configCache.get(db);
  if (!configs) {
    configs = rowsOf<{ name: string }>(
      db,
      sql`SELECT cfgname AS name FROM pg_ts_config WHERE cfgname LIKE 'ot\_%' ORDER BY cfgname`,
    ).then((rows) => rows.map((r) => r.name));
    configCache.set(db, configs);
  }
  return configs;
}

export interface TextQuery {
  /** The words as a tsquery (OR of each language's reading), or null when only stop words were given. */
  tsquery: string | null;
  /** The text unaccented and lower-cased, for trigram matching of names. */
  key: string;
}

/**
 * Reads free text once in every language the index knows: "proyectos" is stemmed as Spanish,
 * "projects" as English. Readings that give the same lexemes are kept once.
 */
export async function readText(db: Db, q: string | undefined): Promise<TextQuery | null> {
  const text = q?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const configs = await searchConfigs(db);
  const parts = sql.join(
    configs.map((c) => sql`websearch_to_tsquery(${c}::regconfig, ${text})::text`),
    sql`, `,
  );
  const [row] = await rowsOf<{ readings: string[]; key: string }>(
    db,
    sql`SELECT ARRAY[${parts}] AS readings, ot_unaccent(lower(${text})) AS key`,
  );
  const readings = [...new Set(row!.readings.map((r) => r.trim()).filter(Boolean))];
  return { tsquery: readings.length ? readings.map((r) => `(${r})`).join(' | ') : null, key: row!.key };
}

interface Cursor {
  rank: string;
  at: string;
  id: string;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.at, c.id])).toString('base64url');
}

/** A page cursor; `at` is a timestamp (teachers) or a name (schools). */
export function decodeCursor(value: string | undefined, at: 'date' | 'text' = 'date'): Cursor | null {
  if (!value) return null;
  try {
    const [rank, atValue, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof rank === 'string' &&
      /^-?\d+(\.\d+)?$/.test(rank) &&
      typeof atValue === 'string' &&
      (at === 'text' || !Number.isNaN(Date.parse(atValue))) &&
      typeof id === 'string' &&
      UUID.test(id)
    )
      return { rank, at: atValue, id };
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'error_validation', {}, { cursor: 'cursor_invalid' });
}

const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

/** Facet and range conditions on partner_profile `pp`, except free text. */
function profileConditions(f: SearchFilters, now: Date, options: { looking: boolean }): SQL[] {
  const where: SQL[] = [];
  if (f.country.length) where.push(sql`pp.country_code = ANY(${textArray(f.country)})`);
  if (f.category.length) where.push(sql`pp.country_category = ANY(${textArray(f.category)})`);
  if (f.ageMin !== undefined) where.push(sql`pp.age_max >= ${f.ageMin}`);
  if (f.ageMax !== undefined) where.push(sql`pp.age_min <= ${f.ageMax}`);
  if (f.subject.length) where.push(sql`pp.subjects && ${textArray(f.subject)}`);
  if (f.language.length) where.push(sql`pp.languages && ${textArray(f.language)}`);
  if (f.schoolType.length) where.push(sql`pp.levels && ${textArray(f.schoolType)}`);
  if (options.looking && f.looking !== undefined) where.push(sql`pp.looking_for_partners = ${f.looking}`);
  if (f.activeMonths !== undefined) {
    const since = new Date(now);
    since.setUTCMonth(since.getUTCMonth() - f.activeMonths);
    where.push(sql`pp.last_active_at >= ${since.toISOString()}::timestamptz`);
  }
  return where;
}

/** Not me, and nobody I blocked or who blocked me. */
export const reachableBy = (me: string) => sql`pp.person_id <> ${me}::uuid AND NOT EXISTS (
  SELECT 1 FROM person_block b
  WHERE (b.blocker_id = pp.person_id AND b.blocked_id = ${me}::uuid)
     OR (b.blocker_id = ${me}::uuid AND b.blocked_id = pp.person_id))`;

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`);

function facetsFrom(rows: { facet: string; value: string; count: number | string }[], names: string[]) {
  const facets: Record<string, FacetCount[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const r of rows) facets[r.facet]?.push({ value: r.value, count: Number(r.count) });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

export interface TeacherRow {
  person_id: string;
  username: string;
  first_name: string;
  last_name: string;
  presentation: string;
  presentation_language: string;
  subjects: string[];
  languages: string[];
  looking_for_partners: boolean;
  last_active_at: Date | string;
  age_min: number;
  age_max: number;
  school_id: string;
  school_name: string;
  city: string;
  country_code: string;
}

export function teacherCard(r: TeacherRow): TeacherCard {
  return {
    username: r.username,
    firstName: r.first_name,
    lastName: r.last_name,
    presentation: r.presentation.length > 280 ? `${r.presentation.slice(0, 277).trimEnd()}…` : r.presentation,
    presentationLanguage: r.presentation_language,
    subjects: r.subjects,
    languages: r.languages,
    lookingForPartners: r.looking_for_partners,
    // The day is enough for others to know (no sign-in time to the second).
    lastActiveAt: `${toIso(r.last_active_at).slice(0, 10)}T00:00:00.000Z`,
    ages: { min: r.age_min, max: r.age_max },
    school: { id: r.school_id, name: r.school_name, city: r.city, countryCode: r.country_code },
  };
}

/** The columns of a teacher card, from partner_profile pp, person pe and school s. */
export const teacherColumns = sql`pp.person_id, pe.username, pe.first_name, pe.last_name, pe.presentation,
  COALESCE(pe.presentation_language, pp.languages[1], pe.ui_language) AS presentation_language,
  pp.subjects, pp.languages, pp.looking_for_partners, pp.last_active_at, pp.age_min, pp.age_max,
  s.id AS school_id, s.name AS school_name, s.city, s.country_code`;

export async function searchTeachers(
  ctx: ServiceContext,
  actor: Actor | null,
  f: SearchFilters,
): Promise<TeacherSearchResponse> {
  const me = requireValidated(actor);
  const cursor = decodeCursor(f.cursor);
  const text = await readText(ctx.db, f.q);
  const base = [reachableBy(me.personId), ...profileConditions(f, ctx.now(), { looking: true })];
  if (!text) return teacherPage(ctx.db, f, cursor, base, sql`0::numeric`, false);
  const byName = sql`pp.name_key %> ${text.key}`;
  const nameRank = sql`round(word_similarity(${text.key}, pp.name_key)::numeric, 6)`;
  if (!text.tsquery) return teacherPage(ctx.db, f, cursor, [...base, byName], nameRank);
  const found = await teacherPage(
    ctx.db,
    f,
    cursor,
    [...base, sql`pp.document @@ ${text.tsquery}::tsquery`],
    sql`round(ts_rank(pp.document, ${text.tsquery}::tsquery)::numeric, 6)`,
  );
  // Nothing matched word for word: a typo in a name? Try names by similarity.
  // (The total does not depend on the cursor, so every page of a fallback search falls back alike.)
  if (found.total === 0) return teacherPage(ctx.db, f, cursor, [...base, byName], nameRank);
  return found;
}

/**
 * One pass over the matching rows gives both the page (keyset) and the facet counts; then the
 * cards of the page's teachers are read.
 */
async function teacherPage(
  db: Db,
  f: SearchFilters,
  cursor: Cursor | null,
  where: SQL[],
  rank: SQL,
  withText = true,
): Promise<TeacherSearchResponse> {
  // With words: the text table alone (it repeats the facet columns); without: the narrow one.
  const table = withText ? sql`partner_profile_text` : sql`partner_profile`;
  const after = cursor
    ? sql`WHERE (rank, last_active_at, person_id) < (${cursor.rank}::numeric, ${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : sql``;
  const [result] = await rowsOf<{
    page: { id: string; rank: string; at: string }[];
    facets: { facet: string; value: string; count: number }[];
  }>(
    db,
    sql`WITH hits AS MATERIALIZED (
          SELECT pp.person_id, pp.last_active_at, ${rank} AS rank, pp.facet_tags
          FROM ${table} pp WHERE ${and(where)}),
        page AS (
          SELECT person_id, rank, last_active_at FROM hits ${after}
          ORDER BY rank DESC, last_active_at DESC, person_id DESC LIMIT ${f.limit + 1}),
        counts AS (
          SELECT split_part(tag, ':', 1) AS facet, substr(tag, strpos(tag, ':') + 1) AS value, count(*) AS count
          FROM hits, unnest(facet_tags) tag GROUP BY tag)
        SELECT
          (SELECT coalesce(json_agg(json_build_object('id', person_id, 'rank', rank::text, 'at', last_active_at::text)
                                    ORDER BY rank DESC, last_active_at DESC, person_id DESC), '[]'::json) FROM page) AS page,
          (SELECT coalesce(json_agg(c), '[]'::json) FROM counts c) AS facets`,
  );
  const page = result!.page;
  const shown = page.slice(0, f.limit);
  const cards = shown.length
    ? await rowsOf<TeacherRow>(
        db,
        sql`SELECT ${teacherColumns}
            FROM partner_profile pp JOIN person pe ON pe.id = pp.person_id JOIN school s ON s.id = pp.school_id
            WHERE pp.person_id = ANY(${sql.param(shown.map((p) => p.id))}::uuid[])`,
      )
    : [];
  const byId = new Map(cards.map((c) => [c.person_id, c]));
  const last = shown.at(-1);
  const facets = facetsFrom(result!.facets, ['country', 'category', 'subject', 'language', 'schoolType', 'looking']);
  return {
    items: shown.flatMap((p) => {
      const card = byId.get(p.id);
      return card ? [teacherCard(card)] : [];
    }),
    total: facets.looking!.reduce((sum, v) => sum + v.count, 0),
    nextCursor: page.length > f.limit && last ? encodeCursor({ rank: last.rank, at: last.at, id: last.id }) : null,
    facets: facets as TeacherSearchResponse['facets'],
  };
}

interface SchoolRow {
  id: string;
  name: string;
  city: string;
  country_code: string;
  levels: string[];
  age_min: number;
  age_max: number;
  rank: string;
}

/** Schools with at least one teacher who can be found, by name or town (typo-tolerant) and facets. */
export async function searchSchools(
  ctx: ServiceContext,
  actor: Actor | null,
  f: SearchFilters,
): Promise<SchoolSearchResponse> {
  const me = requireValidated(actor);
  const cursor = decodeCursor(f.cursor, 'text');
  const text = await readText(ctx.db, f.q);
  // A school is listed when one of its teachers can be found with the teachers' filters too.
  const teacherFilters = profileConditions({ ...f, country: [], category: [], schoolType: [] }, ctx.now(), {
    looking: true,
  });
  const where: SQL[] = [
    sql`EXISTS (SELECT 1 FROM partner_profile pp WHERE pp.school_id = s.id AND ${and([reachableBy(me.personId), ...teacherFilters])})`,
  ];
  if (f.country.length) where.push(sql`s.country_code = ANY(${textArray(f.country)})`);
  if (f.category.length) where.push(sql`c.category = ANY(${textArray(f.category)})`);
  if (f.schoolType.length) where.push(sql`s.levels && ${textArray(f.schoolType)}`);
  if (f.ageMin !== undefined) where.push(sql`s.age_max >= ${f.ageMin}`);
  if (f.ageMax !== undefined) where.push(sql`s.age_min <= ${f.ageMax}`);
  let rank = sql`0::numeric`;
  if (text) {
    const name = sql`ot_unaccent(lower(s.name))`;
    const city = sql`ot_unaccent(lower(s.city))`;
    where.push(sql`(${name} %> ${text.key} OR ${city} %> ${text.key})`);
    rank = sql`round(greatest(word_similarity(${text.key}, ${name}), word_similarity(${text.key}, ${city}))::numeric, 6)`;
  }
  // Relevance first, then by name: the cursor holds (rank, name, id).
  const page = cursor
    ? sql`AND (${rank} < ${cursor.rank}::numeric OR (${rank} = ${cursor.rank}::numeric AND (s.name, s.id) > (${cursor.at}, ${cursor.id}::uuid)))`
    : sql``;
  const [rows, facetRows] = await Promise.all([
    rowsOf<SchoolRow>(
      ctx.db,
      sql`SELECT s.id, s.name, s.city, s.country_code, s.levels, s.age_min, s.age_max, ${rank}::text AS rank
        FROM school s JOIN country c ON c.code = s.country_code
        WHERE ${and(where)} ${page}
        ORDER BY ${rank} DESC, s.name, s.id
        LIMIT ${f.limit + 1}`,
    ),
    rowsOf<{ facet: string; value: string; count: number }>(
      ctx.db,
      sql`WITH hits AS (SELECT s.country_code, c.category, s.levels
                        FROM school s JOIN country c ON c.code = s.country_code WHERE ${and(where)})
        SELECT 'country' AS facet, country_code AS value, count(*) AS count FROM hits GROUP BY 2
        UNION ALL SELECT 'category', category, count(*) FROM hits GROUP BY 2
        UNION ALL SELECT 'schoolType', v, count(*) FROM hits, unnest(levels) v GROUP BY 2`,
    ),
  ]);
  const more = rows.length > f.limit;
  const shown = rows.slice(0, f.limit);
  const teachers = shown.length
    ? await rowsOf<{ school_id: string; username: string; first_name: string; last_name: string }>(
        ctx.db,
        sql`SELECT school_id, username, first_name, last_name FROM (
              SELECT pp.school_id, pe.username, pe.first_name, pe.last_name,
                     row_number() OVER (PARTITION BY pp.school_id ORDER BY pp.last_active_at DESC) AS n
              FROM partner_profile pp JOIN person pe ON pe.id = pp.person_id
              WHERE pp.school_id = ANY(${sql.param(shown.map((s) => s.id))}::uuid[]) AND ${reachableBy(me.personId)}) t
            WHERE n <= 5`,
      )
    : [];
  const facets = facetsFrom(facetRows, ['country', 'category', 'schoolType']);
  const last = shown.at(-1);
  return {
    items: shown.map((s) => ({
      id: s.id,
      name: s.name,
      city: s.city,
      countryCode: s.country_code,
      levels: s.levels,
      ages: { min: s.age_min, max: s.age_max },
      teachers: teachers
        .filter((t) => t.school_id === s.id)
        .map((t) => ({ username: t.username, firstName: t.first_name, lastName: t.last_name })),
    })),
    total: facets.country!.reduce((sum, v) => sum + v.count, 0),
    nextCursor: more && last ? encodeCursor({ rank: last.rank, at: last.name, id: last.id }) : null,
    facets: facets as SchoolSearchResponse['facets'],
  };
}
