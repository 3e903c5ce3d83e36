import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the server is started from there). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  baseUrl: string;
  /** The last lines the server wrote to stderr/stdout, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Asks the OS for a free port: listen on 0, read the port, close. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface DataDirOptions {
  /** Start from a copy of this data directory (migrated and seeded once for the whole run). */
  template?: string;
  /** Use this directory as it is and keep it after stop (to make the template). */
  keepDir?: string;
}

/**
 * Starts the real server (`node --import tsx apps/server/src/main.ts`) on a fresh data directory
 * and waits until GET /api/ready answers 200. The first start initialises the embedded database;
 * with a template, the server starts on a copy of an initialised one.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  readyTimeoutMs = 90_000,
  dirs: DataDirOptions = {},
): Promise<RunningServer> {
  const dataDir = dirs.keepDir ?? (await mkdtemp(path.join(tmpdir(), 'opentwinning-e2e-')));
  if (dirs.template) await cp(dirs.template, dataDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  env.LOG_LEVEL = 'warn';
  env.PUBLIC_URL = baseUrl;
  delete env.DATABASE_URL; // always the embedded database on the temp dir
  Object.assign(env, extraEnv);

  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log.split('\n').slice(-40).join('\n');

  // If the test process ends without stop() (crash, Ctrl-C), do not leave the server running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    if (!dirs.keepDir) await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `The server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    const ready = await fetch(`${baseUrl}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { baseUrl, output, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The server was not ready after ${readyTimeoutMs / 1000} s:\n${output()}`);
}
