import type { ProjectQueueFilters, ProjectQueueResponse } from '@opentwinning/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { coordinatedRegions, nssCountries, requireSignedIn, type Actor } from '../../../platform/auth/actor.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { rowsOf, toIso } from '../../../platform/db/types.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function readCursor(value: string | undefined): { since: string; id: string; country: string; region: number } | null {
  if (!value) return null;
  try {
    const [since, id, country, region] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof since === 'string' &&
      ISO.test(since) &&
      !Number.isNaN(Date.parse(since)) &&
      Number.isInteger(region) &&
      typeof id === 'string' &&
      UUID.test(id) &&
      typeof country === 'string' &&
      /^[A-Z]{2}$/.test(country)
    )
      return { since, id, country, region: region as number };
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'error_validation', {}, { cursor: 'cursor_invalid' });
}

interface QueueRow {
  project_id: string;
  country_code: string;
  region_id: number | null;
  kind: 'region' | 'nss';
  since: Date | string;
  since_text: string;
  title: string;
  project_kind: 'european' | 'national';
  country_codes: string[];
  region_names: Record<string, string> | null;
}

/**
 * R-PRJ-3: the projects awaiting a decision of this officer's countries (NSS, CSS) or regions
 * (coordinators), oldest first, with the waiting times of the whole queue.
 */
export async function projectQueue(
  ctx: ServiceContext,
  actor: Actor | null,
  f: ProjectQueueFilters,
  locale: Locale,
): Promise<ProjectQueueResponse> {
  const me = requireSignedIn(actor);
  const countries = nssCountries(me);
  const regions = coordinatedRegions(me);
  const nssOf = me.roles.filter((g) => g.role === 'nss_officer').map((g) => g.countryCode);
  if (countries !== 'all' && !countries.length && !regions.length) throw new AppError('FORBIDDEN', 'error_forbidden');
  const inMyCountries = countries === 'all' ? sql`true` : sql`q.country_code = ANY(${sql.param(countries)}::text[])`;
  const inMyRegions = regions.length ? sql`q.region_id = ANY(${sql.param(regions)}::int[])` : sql`false`;
  const scope =
    f.scope === 'mine'
      ? sql`((q.kind = 'nss' AND ${inMyCountries}) OR (q.kind = 'region' AND ${inMyRegions}))`
      : sql`(${inMyCountries} OR ${inMyRegions})`;
  const where: SQL[] = [scope];
  if (f.country) where.push(sql`q.country_code = ${f.country}`);
  if (f.kind) where.push(sql`q.project_kind = ${f.kind}`);
  const filtered = sql.join(where, sql` AND `);
  const cursor = readCursor(f.cursor);
  const now = ctx.now().toISOString();
  // Awaited now: each region's consent, and a country's NSS once all its regions consented.
  const base = sql`
    WITH open AS (
      SELECT a.project_id, a.country_code, a.region_id, a.region_consented_at,
             COALESCE(a.awaited_since, p.state_changed_at) AS awaited_since,
             p.title, p.kind AS project_kind, p.country_codes, r.names AS region_names
      FROM project_approval a JOIN project p ON p.id = a.project_id
      LEFT JOIN region r ON r.id = a.region_id
      WHERE p.state = 'awaiting_approval' AND a.approved_at IS NULL
    ), q AS (
      SELECT project_id, country_code, region_id, 'region' AS kind, awaited_since AS since,
             title, project_kind, country_codes, region_names
      FROM open WHERE region_id IS NOT NULL AND region_consented_at IS NULL
      UNION ALL
      SELECT project_id, country_code, NULL::int, 'nss', max(COALESCE(region_consented_at, awaited_since)),
             title, project_kind, country_codes, NULL::jsonb
      FROM open GROUP BY project_id, country_code, title, project_kind, country_codes
      HAVING bool_and(region_id IS NULL OR region_consented_at IS NOT NULL)
    )`;
  const [stats] = await rowsOf<{ total: number; p50: number | null; p90: number | null; max: number | null }>(
    ctx.db,
    sql`${base}
      SELECT count(*)::int AS total,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${now}::timestamptz - q.since)) AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${now}::timestamptz - q.since)) AS p90,
             max(extract(epoch FROM ${now}::timestamptz - q.since)) AS max
      FROM q WHERE ${filtered}`,
  );
  const after = cursor
    ? sql`AND (q.since, q.project_id, q.country_code, COALESCE(q.region_id, 0))
             > (${cursor.since}::timestamptz, ${cursor.id}::uuid, ${cursor.country}, ${cursor.region}::int)`
    : sql``;
  const rows = await rowsOf<QueueRow>(
    ctx.db,
    sql`${base}
      SELECT q.*, to_char(q.since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS since_text
      FROM q WHERE ${filtered} ${after}
      ORDER BY q.since, q.project_id, q.country_code, COALESCE(q.region_id, 0) LIMIT ${f.limit + 1}`,
  );
  const page = rows.slice(0, f.limit);
  const ids = [...new Set(page.map((r) => r.project_id))];
  const [founders, steps] = ids.length
    ? await Promise.all([
        rowsOf<{
          project_id: string;
          person_id: string;
          username: string;
          first_name: string;
          last_name: string;
          school_id: string;
          school_name: string;
          city: string;
          country_code: string;
        }>(
          ctx.db,
          sql`SELECT m.project_id, m.person_id, pe.username, pe.first_name, pe.last_name,
                     s.id AS school_id, s.name AS school_name, s.city, s.country_code
              FROM project_member m JOIN person pe ON pe.id = m.person_id JOIN school s ON s.id = m.school_id
              WHERE m.project_id = ANY(${sql.param(ids)}::uuid[]) AND m.role = 'founder' AND m.left_at IS NULL
                AND pe.anonymised_at IS NULL
              ORDER BY m.joined_at`,
        ),
        rowsOf<{
          project_id: string;
          country_code: string;
          region_id: number | null;
          names: Record<string, string> | null;
          region_consented_at: Date | string | null;
          approved_at: Date | string | null;
        }>(
          ctx.db,
          sql`SELECT a.project_id, a.country_code, a.region_id, r.names, a.region_consented_at, a.approved_at
              FROM project_approval a LEFT JOIN region r ON r.id = a.region_id
              WHERE a.project_id = ANY(${sql.param(ids)}::uuid[]) ORDER BY a.country_code`,
        ),
      ])
    : [[], []];
  const nameOf = (names: Record<string, string> | null) => (names ? (names[locale] ?? names.en ?? null) : null);
  const days = (seconds: number | null) => (seconds === null ? null : Math.round((Number(seconds) / 86_400) * 10) / 10);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      project: { id: r.project_id, title: r.title, kind: r.project_kind, countries: r.country_codes },
      founders: founders
        .filter((f) => f.project_id === r.project_id)
        .map((f) => ({
          person: { username: f.username, firstName: f.first_name, lastName: f.last_name },
          school: { id: f.school_id, name: f.school_name, city: f.city, countryCode: f.country_code },
        })),
      step: { kind: r.kind, countryCode: r.country_code, regionId: r.region_id, regionName: nameOf(r.region_names) },
      otherSteps: steps
        .filter(
          (s) =>
            s.project_id === r.project_id &&
            (s.country_code !== r.country_code || (r.kind === 'region' && s.region_id !== r.region_id)),
        )
        .map((s) => ({
          countryCode: s.country_code,
          regionId: s.region_id,
          regionName: nameOf(s.names),
          regionConsentedAt: s.region_consented_at ? toIso(s.region_consented_at) : null,
          approvedAt: s.approved_at ? toIso(s.approved_at) : null,
        })),
      waitingSince: toIso(r.since),
      waitingDays: Math.floor((ctx.now().getTime() - new Date(r.since).getTime()) / DAY),
      canDecide:
        !founders.some((f) => f.project_id === r.project_id && f.person_id === me.personId) &&
        (r.kind === 'region' ? r.region_id !== null && regions.includes(r.region_id) : nssOf.includes(r.country_code)),
    })),
    total: stats?.total ?? 0,
    waiting: { p50: days(stats?.p50 ?? null), p90: days(stats?.p90 ?? null), max: days(stats?.max ?? null) },
    nextCursor:
      rows.length > f.limit && last
        ? Buffer.from(
            JSON.stringify([last.since_text, last.project_id, last.country_code, last.region_id ?? 0]),
          ).toString('base64url')
        : null,
  };
}
