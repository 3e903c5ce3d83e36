import type { GalleryCard, GalleryFilters, GalleryResponse, PublicProject } from '@opentwinning/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { rowsOf, toIso } from '../../platform/db/types.ts';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { countryNamesIn, renderMarkedCountriesMap } from '../countries/countries.service.ts';
import { decodeCursor, encodeCursor, readText } from '../search/search.service.ts';

interface CardRow {
  id: string;
  title: string;
  summary: string;
  kind: 'european' | 'national';
  state: 'active' | 'closed';
  country_codes: string[];
  age_min: number;
  age_max: number;
  subjects: string[];
  languages: string[];
  school_year: number;
  school_count: number;
  at_text: string;
  rank: string;
}

const cardColumns = sql`p.id, p.title, left(p.summary, 400) AS summary, p.kind, p.state, p.country_codes,
  p.age_min, p.age_max, p.subjects, p.languages, p.school_year, p.school_count,
  to_char(p.activated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text`;

/** Public: listed projects that are active or closed (the partial index `project_gallery_idx`). */
const publicRows = sql`p.listed AND p.state IN ('active', 'closed')`;

const card = (r: CardRow): GalleryCard => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  kind: r.kind,
  state: r.state,
  countries: r.country_codes,
  ageMin: r.age_min,
  ageMax: r.age_max,
  subjects: r.subjects,
  languages: r.languages,
  schoolYear: r.school_year,
  schools: Number(r.school_count),
});

/** R-PRJ-5: the public gallery with its filters and full-text search, newest first (or most relevant). */
export async function listGallery(ctx: ServiceContext, f: GalleryFilters): Promise<GalleryResponse> {
  const where: SQL[] = [publicRows];
  const list = (values: string[]) => sql`${sql.param(values)}::text[]`;
  if (f.state !== 'all') where.push(sql`p.state = ${f.state}`);
  if (f.country.length) where.push(sql`p.country_codes && ${list(f.country)}`);
  if (f.ageMin !== undefined) where.push(sql`p.age_max >= ${f.ageMin}`);
  if (f.ageMax !== undefined) where.push(sql`p.age_min <= ${f.ageMax}`);
  if (f.subject.length) where.push(sql`p.subjects && ${list(f.subject)}`);
  if (f.language.length) where.push(sql`p.languages && ${list(f.language)}`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.schoolYear !== undefined) where.push(sql`p.school_year = ${f.schoolYear}`);
  const text = await readText(ctx.db, f.q);
  if (text && !text.tsquery) return { items: [], total: 0, nextCursor: null };
  const tsquery = text?.tsquery ?? null;
  if (tsquery) where.push(sql`p.document @@ ${tsquery}::tsquery`);
  const rank = tsquery ? sql`round(ts_rank(p.document, ${tsquery}::tsquery)::numeric, 6)` : sql`0::numeric`;
  const cursor = decodeCursor(f.cursor);
  // Without words the order is the index's (newest activation first), so the keyset is an index condition.
  const after = !cursor
    ? sql``
    : tsquery
      ? sql`AND (${rank}, p.activated_at, p.id) < (${cursor.rank}::numeric, ${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : sql`AND (p.activated_at, p.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
  const order = tsquery ? sql`${rank} DESC, p.activated_at DESC, p.id DESC` : sql`p.activated_at DESC, p.id DESC`;
  const filtered = sql.join(where, sql` AND `);
  const [rows, [count]] = await Promise.all([
    // The page's keys first (from the indexes), then the cards of those rows only.
    rowsOf<CardRow>(
      ctx.db,
      sql`SELECT ${cardColumns}, k.rank::text AS rank
          FROM (SELECT p.id, p.activated_at, ${rank} AS rank FROM project p WHERE ${filtered} ${after}
                ORDER BY ${order} LIMIT ${f.limit + 1}) k
          JOIN project p ON p.id = k.id
          ORDER BY k.rank DESC, k.activated_at DESC, k.id DESC`,
    ),
    rowsOf<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM project p WHERE ${filtered}`),
  ]);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map(card),
    total: Number(count?.n ?? 0),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ rank: last.rank, at: last.at_text, id: last.id }) : null,
  };
}

async function findPublic(ctx: ServiceContext, id: string) {
  const [row] = await rowsOf<
    CardRow & { aims: string; expected_results: string; activated_at: Date | string; closed_at: Date | string | null }
  >(
    ctx.db,
    sql`SELECT ${cardColumns}, p.summary, p.aims, p.expected_results, p.activated_at, p.closed_at, '0' AS rank
        FROM project p WHERE p.id = ${id}::uuid AND ${publicRows}`,
  );
  if (!row) throw new AppError('NOT_FOUND', 'error_project_not_found');
  return row;
}

/**
 * R-PRJ-5: a public project page: the project and its schools; teachers' names only for signed-in
 * validated members; never pupils.
 */
export async function publicProject(ctx: ServiceContext, actor: Actor | null, id: string): Promise<PublicProject> {
  const row = await findPublic(ctx, id);
  const members = await rowsOf<{
    school_id: string;
    school_name: string;
    city: string;
    country_code: string;
    username: string | null;
    first_name: string | null;
    last_name: string | null;
  }>(
    ctx.db,
    sql`SELECT s.id AS school_id, s.name AS school_name, s.city, s.country_code,
               pe.username, pe.first_name, pe.last_name
        FROM project_member m JOIN school s ON s.id = m.school_id
        LEFT JOIN person pe ON pe.id = m.person_id AND pe.anonymised_at IS NULL AND pe.hidden_from_search_at IS NULL
        WHERE m.project_id = ${id}::uuid AND m.left_at IS NULL
        ORDER BY s.country_code, s.name, m.role = 'founder' DESC, pe.last_name`,
  );
  const showNames = !!actor?.validated;
  const schools = new Map<string, PublicProject['schoolList'][number]>();
  for (const m of members) {
    const school = schools.get(m.school_id) ?? {
      id: m.school_id,
      name: m.school_name,
      city: m.city,
      countryCode: m.country_code,
      teachers: showNames ? [] : null,
    };
    if (showNames && m.username)
      school.teachers!.push({ username: m.username, firstName: m.first_name!, lastName: m.last_name! });
    schools.set(m.school_id, school);
  }
  return {
    ...card(row),
    summary: row.summary,
    aims: row.aims,
    expectedResults: row.expected_results,
    activatedAt: toIso(row.activated_at),
    closedAt: row.closed_at ? toIso(row.closed_at) : null,
    schoolList: [...schools.values()],
  };
}

/** The small map of a public project's countries (SVG). */
export async function projectMap(ctx: ServiceContext, id: string, locale: Locale): Promise<string> {
  const row = await findPublic(ctx, id);
  const countries = countryNamesIn(row.country_codes, locale);
  return renderMarkedCountriesMap(
    countries,
    translate(locale, 'project_map_title', { title: row.title }),
    translate(locale, 'project_map_desc', {
      count: countries.length,
      countries: countries.map((c) => c.name).join(', '),
    }),
  );
}
