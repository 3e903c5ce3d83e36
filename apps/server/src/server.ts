import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { migrateDatabase, openDatabase, type Database } from './platform/db/database.ts';
import { runPrivacyLifecycle } from './modules/accounts/accounts.service.ts';
import { createJobs, type Jobs } from './platform/jobs/jobs.ts';
import { rollUpStatistics } from './modules/statistics/statistics.rollup.ts';
import { sendDigests } from './modules/notifications/notifications.service.ts';
import { archiveClosedProjects } from './modules/projects/projects.service.ts';
import { requeueFailedMail } from './platform/mail/mailer.ts';
import { seedDemoData, seedReferenceData } from './platform/seed/seed.ts';
import type { WebHandler } from './platform/web.ts';

export const webBuildDir = fileURLToPath(new URL('../../web/build', import.meta.url));

/** Loads the built web UI (apps/web/build), or undefined when it has not been built. */
export async function loadWebHandler(buildDir = webBuildDir): Promise<WebHandler | undefined> {
  const file = path.join(buildDir, 'handler.js');
  if (!existsSync(file)) return undefined;
  // adapter-node trusts this header for the protocol (else it assumes https and refuses form posts).
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  // Form posts up to the largest API body (a CSV of historical figures), not adapter-node's 512 KB.
  process.env.BODY_SIZE_LIMIT ??= '3M';
  const { handler } = (await import(pathToFileURL(file).href)) as { handler: WebHandler };
  return handler;
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  jobs: Jobs;
  address: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates and seeds it, builds the app and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  try {
    await migrateDatabase(database);
    await seedReferenceData(database.db);
    const wantDemo = config.demoData === 'on' || (config.demoData === 'auto' && database.kind === 'embedded');
    const loadedDemo = wantDemo ? await seedDemoData(database.db) : false;
    const web = await loadWebHandler();
    const app = await buildApp({ database, config, web });
    if (loadedDemo) app.log.info('demo data loaded');
    if (!web) app.log.warn('the web UI is not built (npm run build): serving the API only');
    const jobs = createJobs(
      database,
      {
        'privacy-lifecycle': { cron: '17 3 * * *', run: () => runPrivacyLifecycle(app.ctx) },
        'daily-digest': { cron: '0 6 * * *', run: () => sendDigests(app.ctx) },
        'archive-projects': {
          cron: '40 3 * * *',
          run: () => archiveClosedProjects(app.ctx, config.projectArchiveAfterMonths),
        },
        'statistics-rollup': { cron: '5 1 * * *', run: () => rollUpStatistics(database.db).then(() => undefined) },
        'mail-retry': {
          cron: '*/10 * * * *',
          run: async () => {
            await requeueFailedMail(database.db);
            return app.ctx.mailer.flush();
          },
        },
      },
      (msg) => app.log.warn(msg),
    );
    await jobs.start();
    // Catch up on the days missed while the platform was stopped (the job then runs after midnight).
    await rollUpStatistics(database.db).catch((error: unknown) =>
      app.log.warn({ err: error }, 'statistics roll-up failed'),
    );
    const address = await app.listen({ port: config.port, host: config.host });
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      jobs,
      address,
      stop() {
        stopping ??= (async () => {
          await app.close();
          await jobs.stop();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
