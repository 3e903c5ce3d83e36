// Partner finding at scale: generates N realistic profiles (bench/profiles.ts) and prints p50/p95
// of five typical searches and of suggested partners, on the embedded database and on PostgreSQL
// side by side.
//   node --import tsx bench/partners.ts [--profiles 100000] [--requests 50] [--only embedded|postgres]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the script
// creates and drops its own database "ot_bench_partners" there (--keep: keep it, and reuse it next
// time when it already holds the profiles). Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../apps/server/src/platform/db/database.ts';
import { seedDemoData, seedReferenceData } from '../apps/server/src/platform/seed/seed.ts';
import { DEMO_PASSWORD } from '../apps/server/src/platform/seed/demo-data.ts';
import { generateProfiles } from './profiles.ts';
import { listenForBench } from './support.ts';

const { values } = parseArgs({
  options: {
    profiles: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '50' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const profiles = Number(values.profiles);
const requests = Number(values.requests);

const CASES: [string, string][] = [
  ['text, no accents: "matematicas"', '/api/search/teachers?q=matematicas'],
  ['text, stemmed: "proyectos de lectura"', '/api/search/teachers?q=proyectos%20de%20lectura'],
  ['facets: FR+IT, ages 12–14', '/api/search/teachers?country=FR&country=IT&ageMin=12&ageMax=14'],
  ['text + facet: "robotics" in English', '/api/search/teachers?q=robotics&language=en'],
  ['broad: looking, active 6 months', '/api/search/teachers?looking=true&activeMonths=6'],
  ['name: "garcia lopez"', '/api/search/teachers?q=garcia%20lopez'],
  ['schools: "lisboa"', '/api/search/schools?q=lisboa'],
  ['suggested partners', '/api/suggestions'],
];

const pct = (times: number[], p: number) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

async function run(kind: 'embedded' | 'postgres'): Promise<Map<string, { p50: number; p95: number; info: string }>> {
  let database: Database | undefined;
  let admin: pg.Client | undefined;
  let reused = false;
  if (kind === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const target = new URL(url);
    target.pathname = '/ot_bench_partners';
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'ot_bench_partners'`)).rowCount;
    if (exists && values.keep) {
      database = await openDatabase({ url: target.toString(), poolSize: 4 });
      const { rows } = await database.pool
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM person WHERE email LIKE '%@bench.example'`)
        .catch(() => ({ rows: [{ n: 0 }] }));
      reused = rows[0]!.n === profiles;
      if (!reused) {
        await database.close();
        await admin.query('DROP DATABASE ot_bench_partners');
      }
    } else if (exists) await admin.query('DROP DATABASE ot_bench_partners');
    if (!reused) {
      await admin.query('CREATE DATABASE ot_bench_partners');
      database = await openDatabase({ url: target.toString(), poolSize: 4 });
    }
  } else {
    database = await openDatabase({});
  }
  if (!reused) {
    await migrateDatabase(database!);
    await seedReferenceData(database!.db);
    await seedDemoData(database!.db);
    const t0 = performance.now();
    const indexed = await generateProfiles(database!.pool, profiles);
    console.log(
      `${kind}: ${profiles} profiles generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${indexed} findable`,
    );
  } else {
    await migrateDatabase(database!);
    await database!.pool.query('VACUUM ANALYZE');
    console.log(`${kind}: reusing ot_bench_partners with ${profiles} profiles`);
  }
  const { app, base } = await listenForBench(database!);
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lucia.martin@demo.opentwinning.org', password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const results = new Map<string, { p50: number; p95: number; info: string }>();
  for (const [label, path] of CASES) {
    const times: number[] = [];
    let info = '';
    for (let i = 0; i < requests + 5; i++) {
      const s = performance.now();
      const res = await fetch(base + path, { headers: { cookie } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
      if (i >= 5) times.push(performance.now() - s);
      const json = JSON.parse(body);
      info = 'total' in json ? `${json.total} found` : `${json.items.length} suggested`;
    }
    results.set(label, { p50: pct(times, 0.5), p95: pct(times, 0.95), info });
  }
  await app.close();
  await database!.close();
  if (admin) {
    if (!values.keep) await admin.query('DROP DATABASE IF EXISTS ot_bench_partners');
    await admin.end();
  }
  return results;
}

const kinds = (values.only ? [values.only] : ['embedded', 'postgres']) as ('embedded' | 'postgres')[];
const all = new Map<string, Map<string, { p50: number; p95: number; info: string }>>();
for (const k of kinds) all.set(k, await run(k));

const ms = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
console.log(`\n${profiles} profiles, ${requests} sequential requests per line (after 5 warm-up), loopback HTTP`);
console.log(
  ['what'.padEnd(40), ...kinds.flatMap((k) => [`${k} p50`.padStart(15), `${k} p95`.padStart(15)]), '  result'].join(''),
);
for (const [label] of CASES) {
  const cells = kinds.flatMap((k) => {
    const r = all.get(k)!.get(label)!;
    return [ms(r.p50).padStart(15), ms(r.p95).padStart(15)];
  });
  const info = all.get(kinds.at(-1)!)!.get(label)!.info;
  console.log([label.padEnd(40), ...cells, `  ${info}`].join(''));
}
console.log('targets on PostgreSQL: search p95 ≤ 50 ms, suggestions p95 ≤ 100 ms');
