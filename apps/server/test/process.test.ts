import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { spawnServer, stopServer, waitReady } from './support/server-process.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'opentwinning-process-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function readSetting(key: string): Promise<string | undefined> {
  const database = await openDatabase({ dataDir });
  try {
    const { rows } = await database.pool.query('SELECT value FROM platform_setting WHERE key = $1', [key]);
    return rows[0]?.value;
  } finally {
    await database.close();
  }
}

describe('the server process on the embedded database', () => {
  it('starts on an empty data dir, refuses a second process, stops cleanly on SIGINT and keeps the data', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir });
    const readyIn = await waitReady(first);
    expect(readyIn).toBeLessThan(30_000);
    const countries = await (await fetch(`${first.url}/api/countries?date=2016-02-19`)).json();
    expect(countries.total).toBe(41);

    const second = await spawnServer({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/data directory .* is in use by another OpenTwinning process \(pid \d+\)/);
    // `npm start` checks before building, so a running server's web build is left alone.
    const preflight = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/preflight.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(preflight.status).toBe(1);
    expect(preflight.stderr).toMatch(/is in use by another OpenTwinning process \(pid \d+\)/);

    expect(await stopServer(first, 'SIGINT')).toBe(0);
    expect(existsSync(path.join(dataDir, 'opentwinning.lock'))).toBe(false);

    // The data survives: the demo data is not loaded twice, and a row written meanwhile is still there.
    const demoLoadedAt = await readSetting('demo_data_loaded_at');
    expect(demoLoadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const direct = await openDatabase({ dataDir });
    await direct.pool.query("INSERT INTO platform_setting (key, value) VALUES ('restart_marker', 'kept')");
    await direct.close();

    const again = await spawnServer({ DATA_DIR: dataDir });
    await waitReady(again);
    expect(await stopServer(again, 'SIGTERM')).toBe(0);
    expect(await readSetting('demo_data_loaded_at')).toBe(demoLoadedAt);
    expect(await readSetting('restart_marker')).toBe('kept');
  });

  it('refuses a wrong configuration with a readable list and exit code 1', async () => {
    const server = await spawnServer({
      DATA_DIR: dataDir,
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      SMTP_URL: 'mail.example.org',
    });
    expect(await server.exited).toBe(1);
    const out = server.output();
    expect(out).toContain('Invalid configuration:');
    expect(out).toMatch(/- PORT: /);
    expect(out).toMatch(/- LOG_LEVEL: /);
    expect(out).toMatch(/- SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('the server process on a PostgreSQL server', () => {
  it('runs with DATABASE_URL on the same migrations', async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `ot_process_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(base);
      url.pathname = `/${name}`;
      const server = await spawnServer({
        DATABASE_URL: url.toString(),
        DATA_DIR: dataDir,
        SESSION_SECRET: 'x'.repeat(40),
      });
      await waitReady(server);
      const ready = await (await fetch(`${server.url}/api/ready`)).json();
      expect(ready).toEqual({ status: 'ok', database: 'server' });
      const countries = await (await fetch(`${server.url}/api/countries?date=2016-02-19`)).json();
      expect(countries.counts).toEqual({ eu_member: 28, candidate_or_special: 7, etwinning_plus: 6 });
      expect(await stopServer(server, 'SIGTERM')).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
