// The embedded PostgreSQL (PGlite, WebAssembly) runs in this worker thread so that
// heavy queries never block the HTTP event loop. The main thread talks to it with the
// ordinary `pg` driver over a unix socket served by pglite-socket.
// Plain .mjs on purpose: worker threads on Node 20 do not go through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir: string | null, loadDataDir: string | null, socketPath: string }} */
const { dataDir, loadDataDir, socketPath } = workerData;

const options = { extensions: { pg_trgm, unaccent } };
if (loadDataDir) options.loadDataDir = new Blob([await readFile(loadDataDir)]);
const db = await PGlite.create(dataDir ?? 'memory://', options);
// One connection only: several would interleave extended-protocol messages.
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
await server.start();
parentPort.postMessage({ type: 'ready' });

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'dump') {
      const file = await db.dumpDataDir('none');
      await writeFile(msg.path, Buffer.from(await file.arrayBuffer()));
      parentPort.postMessage({ type: 'dumped' });
    } else if (msg.type === 'close') {
      await server.stop();
      await db.close();
      parentPort.postMessage({ type: 'closed' });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
  }
});
