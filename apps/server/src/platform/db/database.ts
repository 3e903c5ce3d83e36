import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  kind: 'embedded' | 'server';
  db: Db;
  pool: pg.Pool;
  /** The embedded engine, when there is one (tests use it to snapshot a migrated cluster). */
  embedded?: EmbeddedPostgres;
  /** True when the database answers a trivial query within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a PostgreSQL server; absent for the embedded database. */
  url?: string;
  /** Embedded mode: directory for the data (absent: in memory). */
  dataDir?: string;
  /** Embedded mode: start from a snapshot file. */
  loadDataDir?: string;
  /** Server mode: pool size. */
  poolSize?: number;
}

const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let pool: pg.Pool;
  if (options.url) {
    pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
    // One connection: pglite-socket multiplexes a single-threaded engine (see the design notes).
    pool = new pg.Pool({ ...embedded.connection, max: 1, connectionTimeoutMillis: 30_000 });
  }
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzle(pool, { schema });
  let closed = false;
  return {
    kind: embedded ? 'embedded' : 'server',
    db,
    pool,
    embedded,
    async ping(timeoutMs = 2000) {
      if (closed) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      try {
        return await Promise.race([
          pool.query('select 1').then(
            () => true,
            () => false,
          ),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end().catch(() => {});
      await embedded?.close();
    },
  };
}

/** Applies the checked-in SQL migrations (idempotent). */
export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder });
}
