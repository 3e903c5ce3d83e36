// Measures the password check and the NSS validation queue with 10,000 pending affiliations.
//   node --import tsx bench/accounts.ts [--pending 10000] [--requests 100]
// Embedded database in memory, or DATABASE_URL (use an empty database: the script fills it).
// Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { verify } from '@node-rs/argon2';
import { hashPassword } from '../apps/server/src/platform/auth/password.ts';
import { migrateDatabase, openDatabase } from '../apps/server/src/platform/db/database.ts';
import { seedDemoData, seedReferenceData } from '../apps/server/src/platform/seed/seed.ts';
import { DEMO_PASSWORD } from '../apps/server/src/platform/seed/demo-data.ts';
import { listenForBench } from './support.ts';

const { values } = parseArgs({
  options: { pending: { type: 'string', default: '10000' }, requests: { type: 'string', default: '100' } },
});
const pending = Number(values.pending);
const requests = Number(values.requests);

const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(1)} ms  p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  max ${s.at(-1)!.toFixed(1)} ms`;
};

// 1. Password check (argon2id, the parameters used for every account).
const hash = await hashPassword('a correct horse battery');
const verifyTimes: number[] = [];
for (let i = 0; i < 5; i++) await verify(hash, 'a correct horse battery'); // warm-up
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  await verify(hash, i % 2 ? 'a correct horse battery' : 'wrong password');
  verifyTimes.push(performance.now() - t0);
}
console.log(`password verify (argon2id m=19456 t=2 p=1), 50 checks: ${stats(verifyTimes)}   [target ≤ 30 ms]`);

// 2. The queue with many pending affiliations.
const database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 4 });
await migrateDatabase(database);
await seedReferenceData(database.db);
await seedDemoData(database.db);
const t0 = performance.now();
await database.pool.query(`
  WITH s AS (
    INSERT INTO school (country_code, region_id, name, levels, address, city, age_min, age_max, head_name, head_email)
    SELECT 'ES', (SELECT id FROM region WHERE code = 'ES-' || (ARRAY['AN','MD','CT','GA','VC','EX'])[1 + g % 6]),
           'Bench school ' || g, ARRAY['primary'], 'Street ' || g, 'City ' || (g % 40), 6, 12, 'Head ' || g, 'head' || g || '@bench.example'
    FROM generate_series(1, 400) g RETURNING id
  ), p AS (
    INSERT INTO person (email, username, first_name, last_name, school_role, code_of_conduct_accepted_at, email_confirmed_at, profile_completed_at)
    SELECT 'bench' || g || '@bench.example', 'bench' || g, 'Bench', 'Teacher ' || g, 'teacher', now(), now(), now()
    FROM generate_series(1, ${pending}) g RETURNING id
  ), sa AS (SELECT id, row_number() OVER () AS n FROM s), pa AS (SELECT id, row_number() OVER () AS n FROM p)
  INSERT INTO affiliation (person_id, school_id, status, regional_status, created_at)
  SELECT pa.id, sa.id, 'pending', 'not_required', now() - ((pa.n % 90) || ' days')::interval
  FROM pa JOIN sa ON sa.n = 1 + pa.n % 400`);
await database.pool.query('ANALYZE');
console.log(
  `${database.kind} database: ${pending} pending affiliations in 400 Spanish schools created in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const { app, base, web } = await listenForBench(database);
const signIn = await fetch(`${base}/api/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'nss-es@demo.opentwinning.org', password: DEMO_PASSWORD }),
});
const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;

async function measure(label: string, path: string) {
  const times: number[] = [];
  let info = '';
  for (let i = 0; i < requests + 5; i++) {
    const s = performance.now();
    const res = await fetch(base + path, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    if (i >= 5) times.push(performance.now() - s);
    if (path.startsWith('/api/')) info = `total ${JSON.parse(body).total}`;
    else info = `${(body.length / 1024).toFixed(0)} KiB`;
  }
  console.log(`${label.padEnd(44)} ${stats(times)}  (${info})`);
}

await measure('API queue, first page (50 of all pending)', '/api/validation/queue');
await measure(
  'API queue, filtered by region',
  `/api/validation/queue?region=${(await database.pool.query("SELECT id FROM region WHERE code='ES-MD'")).rows[0].id}`,
);
await measure('API queue, filtered by school name', '/api/validation/queue?school=bench%20school%2012');
await measure('API queue, page 100', '/api/validation/queue?page=100');
if (web) await measure('NSS queue page (server-rendered HTML)', '/es/servicio-nacional');
else console.log('(web UI not built: run `npm run build` to measure the page too)');
console.log('[target: NSS queue page ≤ 100 ms]');

await app.close();
await database.close();
process.exit(0);
