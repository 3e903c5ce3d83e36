// The statistics at the seed's scale: generates schools, teachers and projects with realistic dates so
// that the live figures on a date equal a table of targets (default: the seed's table on 2016-02-19,
// bench/statistics-targets.csv), rolls them up, prints the generation time and the figures the API
// answers next to the targets, then p50/p95 of the statistics endpoints.
//   node --import tsx bench/statistics.ts [--targets bench/statistics-targets.csv] [--date 2016-02-19]
//        [--scale 1] [--requests 100] [--embedded] [--keep]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the script
// creates and drops its own database "ot_bench_statistics" there (--keep: keep it and reuse it when it
// already holds the generated data). --embedded: run on the embedded database instead.
// Prints figures; asserts nothing (but says when a figure differs from its target).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../apps/server/src/platform/db/database.ts';
import { seedReferenceData } from '../apps/server/src/platform/seed/seed.ts';
import { rollUpStatistics } from '../apps/server/src/modules/statistics/statistics.rollup.ts';
import { random } from './profiles.ts';
import { generateStatistics, readTargets } from './statistics-data.ts';
import { listenForBench } from './support.ts';

const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: new URL('./statistics-targets.csv', import.meta.url).pathname },
    date: { type: 'string', default: '2016-02-19' },
    scale: { type: 'string', default: '1' },
    requests: { type: 'string', default: '100' },
    embedded: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
const scale = Number(values.scale);
const date = values.date;
const TARGET_MS = 5;
const DB_NAME = 'ot_bench_statistics';
const targets = readTargets(readFileSync(values.targets, 'utf8'));

async function open(): Promise<{ database: Database; admin?: pg.Client; reused: boolean }> {
  if (values.embedded) return { database: await openDatabase({}), reused: false };
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const target = new URL(url);
  target.pathname = `/${DB_NAME}`;
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount;
  if (exists && values.keep) {
    const database = await openDatabase({ url: target.toString(), poolSize: 4 });
    const { rows } = await database.pool
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM stat_day`)
      .catch(() => ({ rows: [{ n: 0 }] }));
    if (rows[0]!.n > 0) return { database, admin, reused: true };
    await database.close();
  }
  if (exists) await admin.query(`DROP DATABASE ${DB_NAME}`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  return { database: await openDatabase({ url: target.toString(), poolSize: 4 }), admin, reused: false };
}

const pct = (times: number[], p: number) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

const { database, admin, reused } = await open();
await migrateDatabase(database);
const kind = values.embedded ? 'embedded' : 'PostgreSQL';
if (!reused) {
  await seedReferenceData(database.db);
  const t0 = performance.now();
  const result = await generateStatistics(database.pool, { date, targets, scale });
  const generated = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const rolled = await rollUpStatistics(database.db, { rebuild: true });
  const rollup = (performance.now() - t1) / 1000;
  const c = result.counts;
  console.log(
    `${kind}: generated in ${generated.toFixed(1)} s — ${c.persons} people, ${c.schools} schools, ${c.affiliations} affiliations, ` +
      `${c.projects} projects, ${c.members} members; roll-up rebuilt up to ${rolled.until} in ${rollup.toFixed(1)} s (${rolled.days} country-days)`,
  );
} else {
  console.log(`${kind}: reusing ${DB_NAME}`);
}
const { rows: size } = await database.pool.query<{ days: number; months: number; partners: number }>(
  `SELECT (SELECT count(*)::int FROM stat_day) AS days, (SELECT count(*)::int FROM stat_month) AS months,
          (SELECT count(*)::int FROM stat_partner_day) AS partners`,
);
console.log(
  `roll-up tables: stat_day ${size[0]!.days} rows, stat_month ${size[0]!.months}, stat_partner_day ${size[0]!.partners}`,
);

const { app, base } = await listenForBench(database);
// The first request loads the roll-up into the process's memory.
const firstStart = performance.now();
await fetch(`${base}/api/open-data/statistics?date=${date}`).then((r) => r.text());
console.log(`first request (loads the roll-up into memory): ${(performance.now() - firstStart).toFixed(0)} ms`);
const getJson = async <T>(path: string) => (await (await fetch(base + path)).json()) as T;

// The figures the API answers on the date, next to the targets.
interface F {
  teachers: number;
  schools: number;
  projects: number;
  projectsThisSchoolYear: number | null;
}
const all = await getJson<{ europe: F; countries: (F & { code: string })[] }>(`/api/open-data/statistics?date=${date}`);
console.log(`\nFigures on ${date} (API) vs targets × ${scale}:`);
let differences = 0;
for (const t of targets) {
  const shown = t.country === 'EUROPE' ? all.europe : all.countries.find((c) => c.code === t.country);
  const pairs: [string, number | undefined, number | null | undefined][] = [
    ['teachers', t.teachers, shown?.teachers],
    ['schools', t.schools, shown?.schools],
    ['projects', t.projects, shown?.projects],
    ['projects this school year', t.projectsSchoolYear, shown?.projectsThisSchoolYear],
  ];
  for (const [what, target, value] of pairs) {
    if (target === undefined) continue;
    const want = Math.round(target * scale);
    const ok = value === want;
    if (!ok) differences++;
    console.log(
      `  ${t.country.padEnd(7)} ${what.padEnd(26)} ${String(value).padStart(9)}  target ${String(want).padStart(9)}  ${ok ? 'equal' : 'DIFFERENT'}`,
    );
  }
}
console.log(differences ? `${differences} figures differ from their targets` : 'every figure equals its target');

// Latency: sequential requests after 20 warm-up ones, loopback HTTP.
const rnd = random(3);
const randomDay = () => {
  const ms = Date.UTC(2006, 0, 1) + Math.floor(rnd() * (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2006, 0, 1)));
  return new Date(ms).toISOString().slice(0, 10);
};
const today = new Date().toISOString().slice(0, 10);
const CASES: { label: string; path: () => string; target: boolean }[] = [
  { label: `Europe + countries, ${date}`, path: () => `/api/open-data/statistics?date=${date}`, target: true },
  {
    label: 'Europe + countries, random dates',
    path: () => `/api/open-data/statistics?date=${randomDay()}`,
    target: true,
  },
  {
    label: 'Europe + countries, today (live part)',
    path: () => `/api/open-data/statistics?date=${today}`,
    target: true,
  },
  {
    label: 'Europe + countries, CSV, random dates',
    path: () => `/api/open-data/statistics?format=csv&date=${randomDay()}`,
    target: true,
  },
  {
    label: 'Spain + partners, random dates',
    path: () => `/api/open-data/statistics/ES?date=${randomDay()}`,
    target: true,
  },
  { label: 'series Europe per month', path: () => `/api/open-data/series?date=${randomDay()}`, target: true },
  {
    label: 'series Spain per school year',
    path: () => `/api/open-data/series?country=ES&by=school-year&date=${randomDay()}`,
    target: true,
  },
  { label: 'map.svg (teachers), same date', path: () => `/api/statistics/map.svg?date=${date}`, target: false },
  {
    label: 'chart.svg Europe per month, same date',
    path: () => `/api/statistics/chart.svg?date=${date}`,
    target: false,
  },
  {
    label: 'chart.svg, random dates (renders)',
    path: () => `/api/statistics/chart.svg?date=${randomDay()}`,
    target: false,
  },
];
console.log(`\n${requests} sequential requests per line (after 20 warm-up), loopback HTTP, ${kind}`);
console.log(`${'what'.padEnd(42)}${'p50'.padStart(10)}${'p95'.padStart(10)}`);
const misses: string[] = [];
for (const c of CASES) {
  const times: number[] = [];
  for (let i = 0; i < requests + 20; i++) {
    const path = c.path();
    const s = performance.now();
    const res = await fetch(base + path);
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    if (i >= 20) times.push(performance.now() - s);
  }
  const p95 = pct(times, 0.95);
  if (c.target && p95 > TARGET_MS) misses.push(c.label);
  console.log(
    `${c.label.padEnd(42)}${`${pct(times, 0.5).toFixed(2)} ms`.padStart(10)}${`${p95.toFixed(2)} ms`.padStart(10)}`,
  );
}
console.log(
  misses.length
    ? `open data: p95 above ${TARGET_MS} ms on: ${misses.join('; ')}`
    : `open data: every p95 ≤ ${TARGET_MS} ms`,
);

await app.close();
await database.close();
if (admin) {
  if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
  await admin.end();
}
