import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../../src/platform/db/database.ts';
import { seedReferenceData } from '../../src/platform/seed/seed.ts';
import { adminUrl, withDatabase } from './pg-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a snapshot of a migrated, seeded cluster. PostgreSQL: a template database. */
    testTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string; database: string };
  }
}

/**
 * Prepares one migrated database with the reference data, once per run; every test file then
 * starts from a copy of it (PGlite: load the snapshot; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  if (serverUrl) {
    const database = `ot_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = withDatabase(serverUrl, database);
    const db = await openDatabase({ url, poolSize: 1 });
    await migrateDatabase(db);
    await seedReferenceData(db.db);
    await db.close();
    project.provide('testTemplate', { kind: 'postgres', url: serverUrl, database });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${runId}.tar`);
  const db = await openDatabase({});
  await migrateDatabase(db);
  await seedReferenceData(db.db);
  await db.embedded!.dump(file);
  await db.close();
  project.provide('testTemplate', { kind: 'pglite', file });
  return () => rmSync(file, { force: true });
}
