import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { verifyPassword } from '../src/platform/auth/password.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'opentwinning-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const root = path.resolve(import.meta.dirname, '../../..');

const admin = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });

describe('npm run admin -- create-css-officer', () => {
  it('creates the first CSS officer with a generated password, once', async () => {
    const first = admin('create-css-officer', '--email', 'first.officer@example.org');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('first.officer@example.org (username first.officer) is now a CSS officer.');
    const password = /Generated password \(shown once\): (\S+)/.exec(first.stdout)?.[1];
    expect(password).toBeDefined();
    const again = admin('create-css-officer', '--email', 'first.officer@example.org');
    expect(again.stdout).toContain('is already a CSS officer');

    const database = await openDatabase({ dataDir });
    try {
      const { rows } = await database.pool.query(
        `SELECT p.password_hash, p.email_confirmed_at, r.role FROM person p JOIN role_assignment r ON r.person_id = p.id WHERE p.email = $1`,
        ['first.officer@example.org'],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].role).toBe('css_officer');
      expect(rows[0].email_confirmed_at).not.toBeNull();
      expect(await verifyPassword(rows[0].password_hash, password!)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('explains its usage on a wrong command or a missing email', () => {
    expect(admin('make-me-admin').status).toBe(2);
    const noEmail = admin('create-css-officer');
    expect(noEmail.status).toBe(2);
    expect(noEmail.stderr).toContain('A valid --email is required.');
  });
});
