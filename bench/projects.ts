// The public project gallery at scale: generates N realistic projects (schools and teachers from
// bench/profiles.ts; projects in every state, 2–6 member schools in 1–5 countries, ages, subjects,
// languages, school years 2015–2026, titles, summaries and aims written in nine languages) and
// prints p50/p95 of typical gallery requests, of public project pages and of their maps.
//   node --import tsx bench/projects.ts [--projects 50000] [--requests 50] [--embedded] [--keep] [--member-trigger]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the script
// creates and drops its own database "ot_bench_projects" there (--keep: keep it, and reuse it next
// time when it already holds the projects). --embedded: the embedded database too, side by side.
// --member-trigger: let the project_member trigger derive countries and school counts row by row
// during the load (by default it is disabled for the bulk insert and the values are written
// directly). Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../apps/server/src/platform/db/database.ts';
import { seedReferenceData } from '../apps/server/src/platform/seed/seed.ts';
import { generateProjects } from './projects-data.ts';
import { listenForBench } from './support.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '50000' },
    requests: { type: 'string', default: '50' },
    embedded: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'member-trigger': { type: 'boolean', default: false },
  },
});
const projects = Number(values.projects);
const requests = Number(values.requests);
const TARGET_MS = 50;
const DB_NAME = 'ot_bench_projects';

// ---------------------------------------------------------------------------------------------
// Requests.

interface Case {
  label: string;
  /** The paths to request in turn (one, or one per random project). */
  paths: (ctx: { base: string; ids: string[] }) => Promise<string[]>;
  info: (body: string) => string;
}

const found = (body: string) => `${(JSON.parse(body) as { total: number }).total} found`;
const one = (path: string) => async () => [path];
/** The path of page `n` of a gallery request, following nextCursor from the first page. */
const page = (path: string, n: number) => async (ctx: { base: string }) => {
  const sep = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  for (let i = 1; i < n; i++) {
    const res: Response = await fetch(ctx.base + path + (cursor ? `${sep}cursor=${cursor}` : ''));
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
    if (!cursor) throw new Error(`${path}: no page ${n}`);
  }
  return [`${path}${sep}cursor=${cursor}`];
};

const CASES: Case[] = [
  { label: 'no filter, first page', paths: one('/api/gallery'), info: found },
  { label: 'country FR', paths: one('/api/gallery?country=FR'), info: found },
  { label: 'FR, ages 10–12', paths: one('/api/gallery?country=FR&ageMin=10&ageMax=12'), info: found },
  {
    label: 'subject + language: env. ed., fr',
    paths: one('/api/gallery?subject=environmental_education&language=fr'),
    info: found,
  },
  { label: 'national, school year 2024', paths: one('/api/gallery?kind=national&schoolYear=2024'), info: found },
  { label: 'common word: "water"', paths: one('/api/gallery?q=water'), info: found },
  { label: 'common word: "agua"', paths: one('/api/gallery?q=agua'), info: found },
  { label: 'rare word: "lighthouse"', paths: one('/api/gallery?q=lighthouse'), info: found },
  { label: 'text + country: "water", PL', paths: one('/api/gallery?q=water&country=PL'), info: found },
  { label: 'very common word: "project"', paths: one('/api/gallery?q=project'), info: found },
  { label: 'page 3 (cursor), no filter', paths: page('/api/gallery', 3), info: found },
  { label: 'page 3 (cursor), "water"', paths: page('/api/gallery?q=water', 3), info: found },
  {
    label: 'project page (random ids)',
    paths: async ({ ids }) => ids.map((id) => `/api/gallery/${id}`),
    info: (body) => `${(JSON.parse(body) as { schoolList: unknown[] }).schoolList.length} schools`,
  },
  {
    label: 'project map.svg (random ids)',
    paths: async ({ ids }) => ids.map((id) => `/api/gallery/${id}/map.svg`),
    info: (body) => `${Math.round(body.length / 1024)} KB svg`,
  },
];

const pct = (times: number[], p: number) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

type Results = Map<string, { p50: number; p95: number; info: string }>;

async function run(kind: 'embedded' | 'postgres'): Promise<Results> {
  let database: Database | undefined;
  let admin: pg.Client | undefined;
  let reused = false;
  if (kind === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const target = new URL(url);
    target.pathname = `/${DB_NAME}`;
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount;
    if (exists && values.keep) {
      database = await openDatabase({ url: target.toString(), poolSize: 4 });
      const { rows } = await database.pool
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM project`)
        .catch(() => ({ rows: [{ n: 0 }] }));
      reused = rows[0]!.n === projects;
      if (!reused) {
        await database.close();
        await admin.query(`DROP DATABASE ${DB_NAME}`);
      }
    } else if (exists) await admin.query(`DROP DATABASE ${DB_NAME}`);
    if (!reused) {
      await admin.query(`CREATE DATABASE ${DB_NAME}`);
      database = await openDatabase({ url: target.toString(), poolSize: 4 });
    }
  } else {
    database = await openDatabase({});
  }
  await migrateDatabase(database!);
  if (!reused) {
    await seedReferenceData(database!.db);
    const t0 = performance.now();
    const t = await generateProjects(database!.pool, projects, values['member-trigger']);
    const total = (performance.now() - t0) / 1000;
    console.log(
      `${kind}: ${projects} projects generated in ${total.toFixed(1)} s (teachers and schools ${t.teachers.toFixed(1)} s, ` +
        `projects ${t.projects.toFixed(1)} s, members ${t.members.toFixed(1)} s` +
        `${values['member-trigger'] ? ' with the member trigger' : ''}, VACUUM ANALYZE ${t.analyze.toFixed(1)} s)`,
    );
  } else {
    await database!.pool.query('VACUUM ANALYZE project');
    console.log(`${kind}: reusing ${DB_NAME} with ${projects} projects`);
  }
  const { rows: stats } = await database!.pool.query<{ listed: number; members: number }>(
    `SELECT (SELECT count(*)::int FROM project WHERE listed AND state IN ('active', 'closed')) AS listed,
            (SELECT count(*)::int FROM project_member) AS members`,
  );
  console.log(`${kind}: ${stats[0]!.listed} projects in the gallery, ${stats[0]!.members} member rows`);
  // 200 random public projects (deterministic order) for the project pages and maps.
  const { rows: idRows } = await database!.pool.query<{ id: string }>(
    `SELECT id FROM project WHERE listed AND state IN ('active', 'closed') ORDER BY md5(id::text) LIMIT 200`,
  );
  const ids = idRows.map((r) => r.id);

  const { app, base } = await listenForBench(database!);
  const results: Results = new Map();
  for (const c of CASES) {
    const paths = await c.paths({ base, ids });
    const times: number[] = [];
    let info = '';
    for (let i = 0; i < requests + 5; i++) {
      const path = paths[i % paths.length]!;
      const s = performance.now();
      const res = await fetch(base + path);
      const body = await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
      if (i >= 5) times.push(performance.now() - s);
      info = c.info(body);
    }
    if (paths.length > 1) info = `${Math.min(paths.length, requests + 5)} ids, e.g. ${info}`;
    results.set(c.label, { p50: pct(times, 0.5), p95: pct(times, 0.95), info });
  }
  await app.close();
  await database!.close();
  if (admin) {
    if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin.end();
  }
  return results;
}

const kinds: ('embedded' | 'postgres')[] = values.embedded ? ['postgres', 'embedded'] : ['postgres'];
const all = new Map<string, Results>();
for (const k of kinds) all.set(k, await run(k));

const ms = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
console.log(`\n${projects} projects, ${requests} sequential requests per line (after 5 warm-up), loopback HTTP`);
console.log(
  ['what'.padEnd(36), ...kinds.flatMap((k) => [`${k} p50`.padStart(15), `${k} p95`.padStart(15)]), '  result'].join(''),
);
for (const { label } of CASES) {
  const cells = kinds.flatMap((k) => {
    const r = all.get(k)!.get(label)!;
    return [ms(r.p50).padStart(15), ms(r.p95).padStart(15)];
  });
  console.log([label.padEnd(36), ...cells, `  ${all.get('postgres')!.get(label)!.info}`].join(''));
}
const misses = CASES.filter(({ label }) => all.get('postgres')!.get(label)!.p95 > TARGET_MS).map((c) => c.label);
console.log(
  misses.length
    ? `PostgreSQL: p95 ≤ ${TARGET_MS} ms on ${CASES.length - misses.length} of ${CASES.length} lines; missed: ${misses.join('; ')}`
    : `PostgreSQL: every p95 ≤ ${TARGET_MS} ms`,
);
