import type { DashboardResponse, WaitingFigures } from '@opentwinning/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { nssCountries, requireSignedIn, type Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { isoDay } from './statistics.rollup.ts';

const DAY_SECONDS = 86_400;
const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round((Number(v) / DAY_SECONDS) * 10) / 10);

/** Percentiles of waiting times (seconds) and counts, from rows (waiting, seconds) and (decided, seconds). */
async function waiting(ctx: ServiceContext, waitingRows: SQL, decidedRows: SQL): Promise<WaitingFigures> {
  const { rows } = await ctx.db.execute(sql`
    WITH w AS (${waitingRows}), d AS (${decidedRows})
    SELECT (SELECT count(*) FROM w)::int AS waiting,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FROM w) AS w50,
           (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FROM w) AS w90,
           (SELECT max(seconds) FROM w) AS wmax,
           (SELECT count(*) FROM d)::int AS decided,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FROM d) AS d50,
           (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FROM d) AS d90`);
  const r = rows[0] as Record<string, unknown>;
  return {
    waiting: Number(r.waiting),
    waitingDays: { p50: round1(r.w50), p90: round1(r.w90), max: round1(r.wmax) },
    decided90: Number(r.decided),
    decidedDays: { p50: round1(r.d50), p90: round1(r.d90) },
  };
}

/**
 * R-STAT-4: queue lengths and waiting times of validations and project approvals, and the funnel
 * registered → validated → in a project, for an NSS officer's country or (CSS) one or all countries.
 */
export async function dashboard(
  ctx: ServiceContext,
  actor: Actor | null,
  wanted: string | undefined,
  locale: Locale,
): Promise<DashboardResponse> {
  const signedIn = requireSignedIn(actor);
  const allowed = nssCountries(signedIn);
  if (allowed !== 'all' && allowed.length === 0) throw new AppError('FORBIDDEN');
  const code = wanted?.toUpperCase() ?? (allowed === 'all' ? undefined : allowed[0]);
  if (code && allowed !== 'all' && !allowed.includes(code)) throw new AppError('FORBIDDEN');

  const today = isoDay(ctx.now());
  const names = (
    await ctx.db.execute(sql`
      SELECT code, names ->> ${locale} AS name FROM country
      WHERE ${allowed === 'all' ? sql`joined_on <= ${today}::date AND (left_on IS NULL OR left_on >= ${today}::date)` : sql`code = ANY(${sql.param(allowed)}::text[])`}
      ORDER BY 2`)
  ).rows as { code: string; name: string }[];
  let country: { code: string; name: string } | null = null;
  if (code) {
    const [row] = (
      await ctx.db.execute(sql`SELECT code, names ->> ${locale} AS name FROM country WHERE code = ${code}`)
    ).rows as { code: string; name: string }[];
    if (!row) throw new AppError('NOT_FOUND', 'error_country_not_found', { code });
    country = row;
  }
  const now = ctx.now().toISOString();
  const inScope = (column: SQL) => (code ? sql`${column} = ${code}` : sql`TRUE`);
  const since90 = new Date(ctx.now().getTime() - 90 * DAY_SECONDS * 1000).toISOString();

  const validations = await waiting(
    ctx,
    sql`SELECT extract(epoch FROM ${now}::timestamptz - a.created_at) AS seconds
        FROM affiliation a JOIN school s ON s.id = a.school_id
        WHERE a.status = 'pending' AND a.ended_at IS NULL AND ${inScope(sql`s.country_code`)}`,
    sql`SELECT extract(epoch FROM a.decided_at - a.created_at) AS seconds
        FROM affiliation a JOIN school s ON s.id = a.school_id
        WHERE a.status IN ('validated', 'rejected') AND a.decided_at >= ${since90}::timestamptz
          AND ${inScope(sql`s.country_code`)}`,
  );
  const projectApprovals = await waiting(
    ctx,
    sql`SELECT extract(epoch FROM ${now}::timestamptz - min(pa.awaited_since)) AS seconds
        FROM project_approval pa JOIN project p ON p.id = pa.project_id
        WHERE p.state = 'awaiting_approval' AND pa.approved_at IS NULL AND pa.awaited_since IS NOT NULL
          AND ${inScope(sql`pa.country_code`)}
        GROUP BY pa.project_id, pa.country_code`,
    sql`SELECT extract(epoch FROM max(pa.approved_at) - min(pa.awaited_since)) AS seconds
        FROM project_approval pa
        WHERE pa.approved_at >= ${since90}::timestamptz AND pa.awaited_since IS NOT NULL
          AND ${inScope(sql`pa.country_code`)}
        GROUP BY pa.project_id, pa.country_code`,
  );
  const { rows } = await ctx.db.execute(sql`
    WITH aff AS (
      SELECT a.person_id, a.status, a.ended_at FROM affiliation a
      JOIN school s ON s.id = a.school_id JOIN person pe ON pe.id = a.person_id
      WHERE pe.anonymised_at IS NULL AND ${inScope(sql`s.country_code`)}
    )
    SELECT (SELECT count(DISTINCT person_id) FROM aff)::int AS registered,
           (SELECT count(DISTINCT person_id) FROM aff WHERE status = 'validated' AND ended_at IS NULL)::int AS validated,
           (SELECT count(DISTINCT m.person_id) FROM project_member m
              JOIN project p ON p.id = m.project_id JOIN school s ON s.id = m.school_id
              WHERE m.left_at IS NULL AND p.state IN ('active', 'closed', 'archived') AND ${inScope(sql`s.country_code`)}
                AND m.person_id IN (SELECT person_id FROM aff WHERE status = 'validated' AND ended_at IS NULL))::int AS in_project`);
  const f = rows[0] as { registered: number; validated: number; in_project: number };
  return {
    country,
    scopes: names,
    validations,
    projectApprovals,
    funnel: { registered: f.registered, validated: f.validated, inProject: f.in_project, labelled: null },
  };
}
