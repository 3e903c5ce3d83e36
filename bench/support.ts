import { buildApp } from '../apps/server/src/app.ts';
import type { Database } from '../apps/server/src/platform/db/database.ts';
import { loadWebHandler } from '../apps/server/src/server.ts';

/** The whole app (API and, when built, the pages) on a free loopback port, without logging. */
export async function listenForBench(database: Database) {
  const web = await loadWebHandler();
  const app = await buildApp({
    database,
    config: {
      publicUrl: 'http://127.0.0.1',
      env: 'production',
      logLevel: 'silent',
      sessionSecret: 'bench'.padEnd(40, '-'),
    },
    web,
    logger: false,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base, web: !!web };
}
