import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './lock.ts';

export interface EmbeddedPostgres {
  /** Connection settings for `pg` (unix socket). */
  connection: { host: string; port: number; user: string; database: string };
  /** Writes a snapshot of the whole cluster to a tar file (used to clone test databases). */
  dump(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory kept between runs; omit for an in-memory database. */
  dataDir?: string;
  /** Start from a snapshot written by `dump()`. */
  loadDataDir?: string;
}

type WorkerMessage = { type: 'ready' | 'dumped' | 'closed' } | { type: 'error'; message: string };

/** Starts PGlite in a worker thread behind a pglite-socket unix socket. */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
  }
  const socketDir = mkdtempSync(path.join(tmpdir(), 'opentwinning-pg-'));
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: {
      dataDir: options.dataDir ? path.join(options.dataDir, 'pg') : null,
      loadDataDir: options.loadDataDir ?? null,
      socketPath: path.join(socketDir, '.s.PGSQL.5432'),
    },
  });

  const next = (expected: WorkerMessage['type']) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (msg: WorkerMessage) => {
        if (msg.type === 'error') reject(new Error(`Embedded database: ${msg.message}`));
        else if (msg.type === expected) resolve();
        else return;
        cleanup();
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`Embedded database stopped unexpectedly (exit ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });

  try {
    await next('ready');
  } catch (error) {
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    release();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    connection: { host: socketDir, port: 5432, user: 'postgres', database: 'postgres' },
    async dump(file) {
      const done = next('dumped');
      worker.postMessage({ type: 'dump', path: file });
      await done;
    },
    close() {
      closing ??= (async () => {
        const done = next('closed');
        worker.postMessage({ type: 'close' });
        await done.catch(() => {});
        await worker.terminate();
        rmSync(socketDir, { recursive: true, force: true });
        release();
      })();
      return closing;
    },
  };
}
