import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.ts';
import { stateOf } from './statistics.cache.ts';
import { addDays, liveDeltas, livePartnerDeltas, type DayDelta, type PartnerDelta } from './statistics.rollup.ts';

/**
 * The roll-up held in memory: each country's figures on the days they changed, Europe's and the
 * countries' month ends, the partner counts and the imported figures (a few hundred thousand small
 * rows at the seed's scale). "As of D" is then a binary search per country instead of an index seek
 * per country and date. Every request checks one row (`stat_rollup.version`, bumped by every roll-up
 * and import) and reloads when it changed, so all processes answer from the same roll-up; what
 * happened after the roll-up is read live from the tables (statistics.rollup.ts) and kept while
 * nothing new happened (a stamp of counts and latest times of the rows the live part reads).
 */

const epochDay = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** Values on the days they changed, sorted by day; columns as in stat_day. */
export interface DaySeries {
  days: Int32Array;
  teachers: Int32Array;
  schools: Int32Array;
  projects: Int32Array;
  founded: Int32Array;
  activeProjects: Int32Array;
  foundedActive: Int32Array;
}

/** The index of the last day ≤ `day` (−1 when none). */
export function lastOnOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface MonthRow {
  month: string;
  endDay: string;
  teachers: number;
  schools: number;
  projects: number;
  newProjects: number;
  activeProjects: number;
}

export interface ImportRow {
  day: string;
  teachers: number;
  schools: number;
  projects: number;
  source: string;
}

export interface CountryMeta {
  code: string;
  names: Record<string, string>;
  joinedOn: string;
  leftOn: string | null;
}

export interface Snapshot {
  version: string;
  rolledUntil: string | null;
  countries: CountryMeta[];
  days: Map<string, DaySeries>;
  months: Map<string, MonthRow[]>;
  partners: Map<string, Map<string, { days: Int32Array; projects: Int32Array }>>;
  imports: Map<string, ImportRow[]>;
}

function group<T extends { area: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.area);
    if (list) list.push(r);
    else out.set(r.area, [r]);
  }
  return out;
}

/** Reads the whole roll-up in one view of the tables (a roll-up committing meanwhile is not half seen). */
function load(db: Db): Promise<Snapshot> {
  return db.transaction(
    async (tx) => {
      const read = async <T>(query: ReturnType<typeof sql>) => (await tx.execute(query)).rows as unknown as T[];
      const [stamp] = await read<{ version: string }>(versionQuery);
      return readSnapshot(read, stamp!.version);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function readSnapshot(
  read: <T>(query: ReturnType<typeof sql>) => Promise<T[]>,
  version: string,
): Promise<Snapshot> {
  const [rollup] = await read<{ until: string | null }>(
    sql`SELECT to_char(rolled_until, 'YYYY-MM-DD') AS until FROM stat_rollup WHERE id = 1`,
  );
  const countries = await read<{
    code: string;
    names: Record<string, string>;
    joined_on: string;
    left_on: string | null;
  }>(
    sql`SELECT code, names, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM country`,
  );
  const dayRows = await read<{
    area: string;
    d: number;
    t: number;
    s: number;
    p: number;
    f: number;
    a: number;
    fa: number;
  }>(sql`
    SELECT area, (day - DATE '1970-01-01') AS d, teachers AS t, schools AS s, projects AS p, founded AS f,
           active_projects AS a, founded_active AS fa
    FROM stat_day ORDER BY area, day`);
  const days = new Map<string, DaySeries>();
  for (const [area, rows] of group(dayRows)) {
    const column = (pick: (r: (typeof rows)[number]) => number) => Int32Array.from(rows, pick);
    days.set(area, {
      days: column((r) => r.d),
      teachers: column((r) => r.t),
      schools: column((r) => r.s),
      projects: column((r) => r.p),
      founded: column((r) => r.f),
      activeProjects: column((r) => r.a),
      foundedActive: column((r) => r.fa),
    });
  }
  const monthRows = await read<MonthRow & { area: string }>(sql`
    SELECT area, to_char(month, 'YYYY-MM') AS month, to_char(end_day, 'YYYY-MM-DD') AS "endDay", teachers, schools,
           projects, new_projects AS "newProjects", active_projects AS "activeProjects"
    FROM stat_month ORDER BY area, month`);
  const partnerRows = await read<{ area: string; partner: string; d: number; n: number }>(sql`
    SELECT country_code AS area, partner_code AS partner, (day - DATE '1970-01-01') AS d, projects AS n
    FROM stat_partner_day ORDER BY country_code, partner_code, day`);
  const partners = new Map<string, Map<string, { days: Int32Array; projects: Int32Array }>>();
  for (const [area, rows] of group(partnerRows)) {
    const byPartner = new Map<string, { days: Int32Array; projects: Int32Array }>();
    for (const [partner, list] of group(rows.map((r) => ({ ...r, area: r.partner })))) {
      byPartner.set(partner, { days: Int32Array.from(list, (r) => r.d), projects: Int32Array.from(list, (r) => r.n) });
    }
    partners.set(area, byPartner);
  }
  const importRows = await read<ImportRow & { area: string }>(sql`
    SELECT i.country_code AS area, to_char(i.day, 'YYYY-MM-DD') AS day, i.teachers, i.schools, i.projects, b.source
    FROM stat_import i JOIN stat_import_batch b ON b.id = i.batch_id ORDER BY i.country_code, i.day`);
  return {
    version,
    rolledUntil: rollup?.until && rollup.until !== '0001-01-01' ? rollup.until : null,
    countries: countries.map((c) => ({ code: c.code, names: c.names, joinedOn: c.joined_on, leftOn: c.left_on })),
    days,
    months: new Map([...group(monthRows)].map(([area, rows]) => [area, rows.map(({ area: _, ...r }) => r)])),
    partners,
    imports: new Map([...group(importRows)].map(([area, rows]) => [area, rows.map(({ area: _, ...r }) => r)])),
  };
}

/**
 * What the live part reads, since $1 (a timestamp): counts and latest times, any change alters it.
 * Asked on every request for a day after the roll-up: a named statement, planned once per connection.
 */
const STAMP = {
  name: 'statistics-live-stamp',
  text: `SELECT concat_ws('/',
    (SELECT count(*) || ':' || coalesce(max(decided_at)::text, '') FROM affiliation WHERE status = 'validated' AND decided_at >= $1),
    (SELECT count(*) || ':' || coalesce(max(ended_at)::text, '') FROM affiliation WHERE ended_at >= $1),
    (SELECT count(*) || ':' || coalesce(max(activated_at)::text, '') FROM project WHERE activated_at >= $1),
    (SELECT count(*) || ':' || coalesce(max(closed_at)::text, '') FROM project WHERE closed_at >= $1),
    (SELECT count(*) || ':' || coalesce(max(joined_at)::text, '') FROM project_member WHERE joined_at >= $1),
    (SELECT count(*) || ':' || coalesce(max(left_at)::text, '') FROM project_member WHERE left_at >= $1),
    (SELECT count(*) || ':' || coalesce(max(ended_at)::text, '') FROM stat_departed_affiliation WHERE ended_at >= $1)) AS stamp`,
};

async function liveStamp(db: Db, since: string): Promise<string> {
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const { rows } = await pool.query<{ stamp: string }>({ ...STAMP, values: [`${addDays(since, 1)}T00:00:00Z`] });
  return rows[0]!.stamp;
}

/** The roll-up's version and the countries' dates and names: a change of either means reloading. */
const versionQuery = sql`
  SELECT coalesce((SELECT version || ':' || rolled_until FROM stat_rollup WHERE id = 1), '0') || '|' ||
         (SELECT md5(string_agg(code || joined_on || coalesce(left_on::text, '') || names::text, ',' ORDER BY code))
          FROM country) AS version`;

/** How long a process trusts its snapshot without asking the database (another process may roll up or import). */
const CHECK_EVERY_MS = 1000;

/**
 * The in-memory roll-up (reloaded when a roll-up or an import happened: checked at most once a
 * second, and at once after this process's own roll-ups and imports), and, when asked, the live stamp.
 */
async function fresh(db: Db, withStamp: boolean): Promise<{ snapshot: Snapshot; stamp: string | null }> {
  const state = stateOf(db);
  if (!state.current || Date.now() - state.checkedAt >= CHECK_EVERY_MS) {
    const { rows } = await db.execute(versionQuery);
    const { version } = rows[0] as { version: string };
    state.checkedAt = Date.now();
    if (state.current?.version !== version) {
      // A load already running may have read an older version: load again until it is this one (or newer).
      let loaded = await (state.loading ??= load(db).finally(() => (state.loading = undefined)));
      if (loaded.version !== version)
        loaded = await (state.loading ??= load(db).finally(() => (state.loading = undefined)));
      state.current = loaded;
      state.live = undefined;
    }
  }
  const snapshot = state.current!;
  if (!withStamp) return { snapshot, stamp: null };
  return { snapshot, stamp: await liveStamp(db, snapshot.rolledUntil ?? '0001-01-01') };
}

/**
 * The snapshot and the changes after its roll-up up to `until` (empty when `until` is within it).
 * The live changes are read once per state of the tables (the stamp) and reused.
 */
export async function statisticsState(
  db: Db,
  until: string,
  withPartners = false,
): Promise<{ snapshot: Snapshot; deltas: DayDelta[]; partnerDeltas: PartnerDelta[] }> {
  const cached = (await fresh(db, false)).snapshot;
  if (until <= (cached.rolledUntil ?? '0001-01-01')) return { snapshot: cached, deltas: [], partnerDeltas: [] };
  const { snapshot, stamp } = await fresh(db, true);
  if (until <= (snapshot.rolledUntil ?? '0001-01-01')) return { snapshot, deltas: [], partnerDeltas: [] };
  const state = stateOf(db);
  const reuse = state.live && state.live.stamp === stamp && state.live.until >= until ? state.live : undefined;
  const upTo = reuse?.until ?? until;
  const deltas = reuse?.deltas ?? (await liveDeltas(db, snapshot.rolledUntil, upTo));
  let partners = reuse?.partners;
  if (withPartners && !partners) partners = await livePartnerDeltas(db, snapshot.rolledUntil, upTo);
  state.live = { stamp: stamp ?? '', until: upTo, deltas, partners };
  return {
    snapshot,
    deltas: deltas.filter((d) => d.day <= until),
    partnerDeltas: (partners ?? []).filter((d) => d.day <= until),
  };
}

export { epochDay };
