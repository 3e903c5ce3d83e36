// npm run db:reset — starts over: removes every table and row, then migrates and loads the
// reference and demo data again (embedded database: the data directory's database is recreated).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { migrateDatabase, openDatabase } from '../platform/db/database.ts';
import { DataDirLockedError, lockDataDir } from '../platform/db/lock.ts';
import { seedDemoData, seedReferenceData } from '../platform/seed/seed.ts';

try {
  const config = loadConfig();
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl, poolSize: 1 });
    await database.pool.query(
      'DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
    );
    await migrateDatabase(database);
    await seedReferenceData(database.db);
    if (config.demoData !== 'off') await seedDemoData(database.db);
    await database.close();
  } else {
    lockDataDir(config.dataDir)(); // refuses while a server holds the directory
    rmSync(path.join(config.dataDir, 'pg'), { recursive: true, force: true });
    const database = await openDatabase({ dataDir: config.dataDir });
    await migrateDatabase(database);
    await seedReferenceData(database.db);
    if (config.demoData !== 'off') await seedDemoData(database.db);
    await database.close();
  }
  console.log('Database reset: migrations applied, reference and demo data loaded.');
  process.exit(0);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
