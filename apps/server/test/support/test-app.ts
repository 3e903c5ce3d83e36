import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import type { WebHandler } from '../../src/platform/web.ts';
import type { PrivacyDurations } from '../../src/platform/context.ts';
import { withDatabase } from './pg-url.ts';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** A fresh database copied from the run's template: PGlite by default, PostgreSQL with TEST_DATABASE_URL. */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const template = inject('testTemplate');
  if (template.kind === 'pglite') {
    const database = await openDatabase({ loadDataDir: template.file });
    return { database, drop: () => database.close() };
  }
  const name = `ot_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.database}`);
  const database = await openDatabase({ url: withDatabase(template.url, name), poolSize: 4 });
  return {
    database,
    async drop() {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The whole app on a fresh database, for tests through app.inject(). */
export interface TestAppOptions {
  web?: WebHandler;
  extraRoutes?: (app: FastifyInstance) => void;
  smtpUrl?: string;
  privacy?: PrivacyDurations;
  now?: () => Date;
  env?: 'test' | 'development';
  publicUrl?: string;
  /** A stream receiving the JSON log lines (default: no logging). */
  logStream?: { write(line: string): void };
}

export const TEST_SECRET = 'test-secret-'.padEnd(48, 'x');

export async function createTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  const { database, drop } = await openTestDatabase();
  const app = await buildApp({
    database,
    config: {
      publicUrl: options.publicUrl ?? 'http://localhost:3000',
      env: options.env ?? 'test',
      logLevel: options.logStream ? 'info' : 'silent',
      sessionSecret: TEST_SECRET,
      smtpUrl: options.smtpUrl,
      privacy: options.privacy,
    },
    now: options.now,
    web: options.web,
    ...(options.logStream ? { logStream: options.logStream } : { logger: false as const }),
  });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await drop();
    },
  };
}
