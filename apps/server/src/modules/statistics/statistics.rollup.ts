import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { forgetStatistics } from './statistics.cache.ts';

type Conn = Db | Tx;

/** 'YYYY-MM-DD' of a Date, in UTC. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** One country's change of figures on one day (the roll-up's unit). */
export interface DayDelta {
  area: string;
  day: string;
  teachers: number;
  schools: number;
  projects: number;
  founded: number;
  activeProjects: number;
  foundedActive: number;
}

export interface PartnerDelta {
  country: string;
  partner: string;
  day: string;
  projects: number;
}

/**
 * The figures' changes per country and day, on days in (since, until], computed from the tables.
 * With `since`, only the people, schools and projects that changed after it are read (the indexes
 * on decided_at, ended_at, activated_at and closed_at), so the live part stays small.
 *
 * A teacher counts in a country from the day one of their affiliations to a school there is
 * validated until the day they leave their last such school (gaps included); a school counts while
 * it has at least one such teacher; a project counts in each of its countries from its approval,
 * as active until it is closed, and once for Europe in its founding country (the school of the
 * founder who created it).
 */
/** Validated affiliations with their country and UTC days in and out, for the keys `filter` keeps. */
/**
 * Validated affiliations, and those of deleted accounts (stat_departed_affiliation, a random key for
 * the person), with their country and UTC days in and out, for the keys `keep` selects
 * (`keep(personColumn, schoolColumn)`).
 */
const validated = (keep: (person: SQL, school: SQL) => SQL) => sql`
  SELECT a.person_id, a.school_id, s.country_code,
         (a.decided_at AT TIME ZONE 'UTC')::date AS d_in,
         (a.ended_at AT TIME ZONE 'UTC')::date AS d_out
  FROM (
    SELECT person_id, school_id, decided_at, ended_at FROM affiliation
    WHERE status = 'validated' AND decided_at IS NOT NULL AND ${keep(sql`person_id`, sql`school_id`)}
    UNION ALL
    SELECT person_key, school_id, decided_at, ended_at FROM stat_departed_affiliation
    WHERE ${keep(sql`person_key`, sql`school_id`)}
  ) a
  JOIN school s ON s.id = a.school_id`;

/**
 * For the intervals [d_in, d_out) of a CTE (one row per interval, with `key` and country_code):
 * +1 on the day a key's first interval in a country opens, -1 on the day its last one closes
 * (overlaps and gaps handled), 0 on other days with a change.
 */
const islands = (source: string, key: string) =>
  sql.raw(`
    SELECT country_code, day,
           CASE WHEN open_after > 0 AND open_after = d THEN 1 WHEN open_after = 0 AND d < 0 THEN -1 ELSE 0 END AS change
    FROM (
      SELECT country_code, day, d, sum(d) OVER (PARTITION BY ${key}, country_code ORDER BY day) AS open_after
      FROM (
        SELECT ${key}, country_code, day, sum(d)::int AS d FROM (
          SELECT ${key}, country_code, d_in AS day, 1 AS d FROM ${source}
          UNION ALL SELECT ${key}, country_code, d_out, -1 FROM ${source} WHERE d_out IS NOT NULL
        ) x
        GROUP BY ${key}, country_code, day
      ) e
    ) r`);

function deltasQuery(since: string | null, until: string): SQL {
  const from = since ?? '0001-01-01';
  const touched = (column: SQL) =>
    since === null ? sql`TRUE` : sql`${column} >= ${`${addDays(since, 1)}T00:00:00Z`}::timestamptz`;
  return sql`
    WITH moved AS (
      SELECT person_id, school_id FROM affiliation
      WHERE ${since === null ? sql`FALSE` : sql`(status = 'validated' AND ${touched(sql`decided_at`)}) OR (ended_at IS NOT NULL AND ${touched(sql`ended_at`)})`}
      UNION ALL
      SELECT person_key, school_id FROM stat_departed_affiliation WHERE ${since === null ? sql`FALSE` : touched(sql`ended_at`)}
    ),
    aff_t AS (${validated((person) => (since === null ? sql`TRUE` : sql`${person} IN (SELECT person_id FROM moved)`))}),
    aff_s AS (${validated((_, school) => (since === null ? sql`TRUE` : sql`${school} IN (SELECT school_id FROM moved)`))}),
    t_delta AS (
      SELECT country_code AS area, day, sum(change)::int AS teachers FROM (${islands('aff_t', 'person_id')}) i
      WHERE day > ${from}::date AND day <= ${until}::date
      GROUP BY 1, 2
    ),
    s_delta AS (
      SELECT country_code AS area, day, sum(change)::int AS schools FROM (${islands('aff_s', 'school_id')}) i
      WHERE day > ${from}::date AND day <= ${until}::date
      GROUP BY 1, 2
    ),
    ${projectPresence(since)},
    p_delta AS (
      SELECT area, day, sum(projects)::int AS projects, sum(founded)::int AS founded, sum(active)::int AS active_projects,
             sum(founded_active)::int AS founded_active FROM (
        -- A country's projects: from the first day one of its schools takes part (once approved).
        SELECT country_code AS area, min(d_in) AS day, 1 AS projects, 0 AS founded, 0 AS active, 0 AS founded_active
        FROM presence GROUP BY project_id, country_code
        -- Active in the country while one of its schools takes part and the project is not closed.
        UNION ALL
        SELECT country_code, day, 0, 0, change, 0 FROM (${islands('presence', 'project_id')}) i
        -- Europe: each project once, in its founding country, from its approval to its closing.
        UNION ALL SELECT lead, d_act, 0, 1, 0, 1 FROM prj WHERE lead IS NOT NULL
        UNION ALL SELECT lead, d_close, 0, 0, 0, -1 FROM prj WHERE lead IS NOT NULL AND d_close IS NOT NULL
      ) x
      WHERE day > ${from}::date AND day <= ${until}::date
      GROUP BY 1, 2
    )
    SELECT area, to_char(day, 'YYYY-MM-DD') AS day,
           sum(teachers)::int AS teachers, sum(schools)::int AS schools, sum(projects)::int AS projects,
           sum(founded)::int AS founded, sum(active_projects)::int AS "activeProjects",
           sum(founded_active)::int AS "foundedActive"
    FROM (
      SELECT area, day, teachers, 0 AS schools, 0 AS projects, 0 AS founded, 0 AS active_projects, 0 AS founded_active FROM t_delta
      UNION ALL SELECT area, day, 0, schools, 0, 0, 0, 0 FROM s_delta
      UNION ALL SELECT area, day, 0, 0, projects, founded, active_projects, founded_active FROM p_delta
    ) u
    GROUP BY area, day
    HAVING sum(abs(teachers)) + sum(abs(schools)) + sum(abs(projects)) + sum(abs(founded)) + sum(abs(active_projects))
           + sum(abs(founded_active)) > 0
    ORDER BY area, day`;
}

/** Two countries are partners in a project from the day both have taken part in it (once approved). */
function partnerDeltasQuery(since: string | null, until: string): SQL {
  const from = since ?? '0001-01-01';
  return sql`
    WITH ${projectPresence(since)},
    firsts AS (SELECT project_id, country_code, min(d_in) AS d_in FROM presence GROUP BY 1, 2)
    SELECT a.country_code AS country, b.country_code AS partner, to_char(greatest(a.d_in, b.d_in), 'YYYY-MM-DD') AS day,
           count(*)::int AS projects
    FROM firsts a JOIN firsts b ON b.project_id = a.project_id AND b.country_code <> a.country_code
    WHERE greatest(a.d_in, b.d_in) > ${from}::date AND greatest(a.d_in, b.d_in) <= ${until}::date
    GROUP BY 1, 2, 3`;
}

/**
 * The approved projects (`prj`: approval and closing days, founding country) and each member
 * school's time in them (`presence`: UTC days [d_in, d_out), from the later of joining and approval
 * to the earlier of leaving and closing). With `since`, only projects approved, closed, joined or
 * left after it.
 */
function projectPresence(since: string | null): SQL {
  const after = since === null ? null : `${addDays(since, 1)}T00:00:00Z`;
  const changed =
    after === null
      ? sql`TRUE`
      : sql`p.id IN (
          SELECT id FROM project WHERE activated_at >= ${after}::timestamptz OR closed_at >= ${after}::timestamptz
          UNION SELECT project_id FROM project_member WHERE joined_at >= ${after}::timestamptz OR left_at >= ${after}::timestamptz)`;
  return sql`
    prj AS (
      SELECT p.id, (p.activated_at AT TIME ZONE 'UTC')::date AS d_act, (p.closed_at AT TIME ZONE 'UTC')::date AS d_close,
             (SELECT s.country_code FROM project_member m JOIN school s ON s.id = m.school_id
              WHERE m.project_id = p.id AND m.role = 'founder'
              ORDER BY (m.person_id IS NOT DISTINCT FROM p.created_by) DESC, m.joined_at, m.id LIMIT 1) AS lead
      FROM project p
      WHERE p.activated_at IS NOT NULL AND p.state IN ('active', 'closed', 'archived') AND ${changed}
    ),
    presence AS (
      SELECT * FROM (
        SELECT m.project_id, s.country_code,
               greatest(prj.d_act, (m.joined_at AT TIME ZONE 'UTC')::date) AS d_in,
               least(prj.d_close, (m.left_at AT TIME ZONE 'UTC')::date) AS d_out
        FROM project_member m JOIN prj ON prj.id = m.project_id JOIN school s ON s.id = m.school_id
      ) x
      WHERE d_out IS NULL OR d_in < d_out
    )`;
}

const rows = async <T>(conn: Conn, query: SQL): Promise<T[]> => (await conn.execute(query)).rows as unknown as T[];

/** What changed after the roll-up, up to `until` (the live part of "as of" figures). */
export function liveDeltas(conn: Conn, since: string | null, until: string): Promise<DayDelta[]> {
  return rows<DayDelta>(conn, deltasQuery(since, until));
}

export function livePartnerDeltas(conn: Conn, since: string | null, until: string): Promise<PartnerDelta[]> {
  return rows<PartnerDelta>(conn, partnerDeltasQuery(since, until));
}

/** Tells the readers (statistics.snapshot.ts) to reload: historical figures were imported or deleted. */
export async function bumpStatisticsVersion(tx: Tx): Promise<void> {
  await tx.execute(sql`
    INSERT INTO stat_rollup (id, rolled_until, version) VALUES (1, '0001-01-01', 1)
    ON CONFLICT (id) DO UPDATE SET version = stat_rollup.version + 1`);
}

/** The last rolled-up day, or null before the first roll-up. */
async function rolledUntil(conn: Conn): Promise<string | null> {
  const [row] = await rows<{ until: string }>(
    conn,
    sql`SELECT to_char(rolled_until, 'YYYY-MM-DD') AS until FROM stat_rollup WHERE id = 1`,
  );
  return row?.until ?? null;
}

/** How long after midnight (UTC) a day is taken as settled: writes stamped before it have committed. */
const SETTLE_MS = 60 * 60 * 1000;

/**
 * Rolls the figures up to `until` (default: the last settled day — yesterday, once past 01:00 UTC): adds the days after the last roll-up to
 * stat_day and stat_partner_day, and rewrites stat_month from the first month touched. With
 * `rebuild`, starts again from nothing (after a bulk load or a change of definition). One
 * transaction, serialised by a lock on the roll-up row: two runs never interleave.
 */
export async function rollUpStatistics(
  db: Db,
  options: { until?: string; rebuild?: boolean; now?: Date } = {},
): Promise<{ from: string | null; until: string; days: number }> {
  // Days end in UTC; a write stamped just before midnight may commit a little after it, so the
  // roll-up leaves the last hour to the live part (the job runs after 01:00 UTC).
  const now = options.now ?? new Date();
  const settled = addDays(isoDay(new Date(now.getTime() - SETTLE_MS)), -1);
  const until = options.until ?? settled;
  if (until > settled)
    throw new Error(`rollUpStatistics: ${until} is not over yet (the last settled day is ${settled})`);
  const result = await db.transaction(
    async (tx) => {
      await tx.execute(
        sql`INSERT INTO stat_rollup (id, rolled_until) VALUES (1, '0001-01-01') ON CONFLICT (id) DO NOTHING`,
      );
      await tx.execute(sql`SELECT 1 FROM stat_rollup WHERE id = 1 FOR UPDATE`);
      if (options.rebuild) {
        await tx.execute(sql`DELETE FROM stat_day`);
        await tx.execute(sql`DELETE FROM stat_month`);
        await tx.execute(sql`DELETE FROM stat_partner_day`);
        await tx.execute(sql`UPDATE stat_rollup SET rolled_until = '0001-01-01' WHERE id = 1`);
      }
      const last = await rolledUntil(tx);
      const since = last === '0001-01-01' ? null : last;
      if (since !== null && since >= until) return { from: since, until: since, days: 0 };

      const inserted = await tx.execute(sql`
      WITH d AS (${deltasQuery(since, until)})
      INSERT INTO stat_day (area, day, teachers, schools, projects, founded, active_projects, founded_active)
      SELECT d.area, d.day::date,
             coalesce(b.teachers, 0) + sum(d.teachers) OVER w,
             coalesce(b.schools, 0) + sum(d.schools) OVER w,
             coalesce(b.projects, 0) + sum(d.projects) OVER w,
             coalesce(b.founded, 0) + sum(d.founded) OVER w,
             coalesce(b.active_projects, 0) + sum(d."activeProjects") OVER w,
             coalesce(b.founded_active, 0) + sum(d."foundedActive") OVER w
      FROM d LEFT JOIN LATERAL (
        SELECT * FROM stat_day s WHERE s.area = d.area ORDER BY s.day DESC LIMIT 1
      ) b ON true
      WINDOW w AS (PARTITION BY d.area ORDER BY d.day)`);
      await tx.execute(sql`
      WITH d AS (${partnerDeltasQuery(since, until)})
      INSERT INTO stat_partner_day (country_code, partner_code, day, projects)
      SELECT d.country, d.partner, d.day::date,
             coalesce(b.projects, 0) + sum(d.projects) OVER (PARTITION BY d.country, d.partner ORDER BY d.day)
      FROM d LEFT JOIN LATERAL (
        SELECT projects FROM stat_partner_day s
        WHERE s.country_code = d.country AND s.partner_code = d.partner ORDER BY s.day DESC LIMIT 1
      ) b ON true`);
      await rollUpMonths(tx, since, until);
      await tx.execute(
        sql`UPDATE stat_rollup SET rolled_until = ${until}::date, rolled_at = now(), version = version + 1 WHERE id = 1`,
      );
      return { from: since, until, days: inserted.rowCount ?? 0 };
      // One view of the tables for every statement of the roll-up.
    },
    { isolationLevel: 'repeatable read' },
  );
  forgetStatistics(db);
  return result;
}

/**
 * Rewrites stat_month from the month after `since` to the month of `until`: each country's figures
 * at each month's end (carried over months without change), then Europe ('EU') as the sum of the
 * countries taking part on that day.
 */
async function rollUpMonths(tx: Tx, since: string | null, until: string): Promise<void> {
  const [first] = await rows<{ month: string | null }>(
    tx,
    since === null
      ? sql`SELECT to_char(date_trunc('month', min(day)), 'YYYY-MM-DD') AS month FROM stat_day`
      : sql`SELECT to_char(date_trunc('month', ${addDays(since, 1)}::date), 'YYYY-MM-DD') AS month`,
  );
  if (!first?.month) return;
  const start = first.month;
  await tx.execute(sql`DELETE FROM stat_month WHERE month >= ${start}::date`);
  await tx.execute(sql`
    WITH months AS (
      SELECT m::date AS month, least((m + interval '1 month' - interval '1 day')::date, ${until}::date) AS end_day
      FROM generate_series(${start}::date, date_trunc('month', ${until}::date), interval '1 month') m
    ),
    areas AS (SELECT area, min(day) AS first_day FROM stat_day GROUP BY area)
    INSERT INTO stat_month (area, month, end_day, teachers, schools, projects, founded, active_projects, founded_active, new_projects)
    SELECT a.area, m.month, m.end_day, v.teachers, v.schools, v.projects, v.founded, v.active_projects, v.founded_active,
           v.projects - coalesce(p.projects, 0)
    FROM months m
    JOIN areas a ON a.first_day <= m.end_day
    CROSS JOIN LATERAL (
      SELECT * FROM stat_day s WHERE s.area = a.area AND s.day <= m.end_day ORDER BY s.day DESC LIMIT 1
    ) v
    LEFT JOIN LATERAL (
      SELECT projects FROM stat_day s WHERE s.area = a.area AND s.day < m.month ORDER BY s.day DESC LIMIT 1
    ) p ON true`);
  await tx.execute(sql`
    INSERT INTO stat_month (area, month, end_day, teachers, schools, projects, founded, active_projects, founded_active, new_projects)
    SELECT 'EU', sm.month, min(sm.end_day), sum(sm.teachers), sum(sm.schools), sum(sm.founded), sum(sm.founded),
           sum(sm.founded_active), sum(sm.founded_active), sum(sm.founded - coalesce(prev.founded, 0))
    FROM stat_month sm
    JOIN country c ON c.code = sm.area
      AND c.joined_on <= sm.end_day AND (c.left_on IS NULL OR c.left_on >= sm.end_day)
    LEFT JOIN LATERAL (
      SELECT founded FROM stat_day s WHERE s.area = sm.area AND s.day < sm.month ORDER BY s.day DESC LIMIT 1
    ) prev ON true
    WHERE sm.month >= ${start}::date AND sm.area <> 'EU'
    GROUP BY sm.month`);
}
