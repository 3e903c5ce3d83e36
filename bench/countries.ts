// Measures the participating-countries endpoints and page over HTTP on loopback.
//   node --import tsx bench/countries.ts [--requests 300] [--concurrency 8]
// Uses an in-memory embedded database, or DATABASE_URL when set. Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '../apps/server/src/platform/db/database.ts';
import { seedReferenceData } from '../apps/server/src/platform/seed/seed.ts';
import { listenForBench } from './support.ts';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '300' }, concurrency: { type: 'string', default: '8' } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

const database = await openDatabase({ url: process.env.DATABASE_URL });
await migrateDatabase(database);
await seedReferenceData(database.db);
const { app, base, web } = await listenForBench(database);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(path: string): Promise<void> {
  await fetch(base + path).then((r) => r.arrayBuffer()); // warm-up
  const times: number[] = [];
  let bytes = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const s = performance.now();
        const res = await fetch(base + path);
        const body = await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
        bytes = body.byteLength;
        times.push(performance.now() - s);
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `${path.padEnd(44)} ${String(Math.round(times.length / wall)).padStart(5)} req/s  p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  max ${times.at(-1)!.toFixed(1).padStart(6)} ms  ${(bytes / 1024).toFixed(0)} KiB`,
  );
}

console.log(
  `${database.kind} database, ${requests} requests per address, ${concurrency} at a time, node ${process.version}`,
);
for (const path of [
  '/api/countries?date=2016-02-19',
  '/api/countries/map.svg?date=2016-02-19',
  '/api/countries/history',
]) {
  await measure(path);
}
if (web) for (const path of ['/es', '/es/paises?date=2016-02-19', '/en/about']) await measure(path);
else console.log('(web UI not built: run `npm run build` to measure the pages too)');

await app.close();
await database.close();
process.exit(0);
