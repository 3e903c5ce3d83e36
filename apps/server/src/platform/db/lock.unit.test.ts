import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(path.join(tmpdir(), 'ot-lock-')));

/** A pid that surely belongs to no running process: one that has just exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

describe('lockDataDir', () => {
  it('takes the lock, and releases it', () => {
    fresh();
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'opentwinning.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, 'opentwinning.lock'))).toBe(false);
  });

  it('refuses while a live process holds it, naming that process', () => {
    fresh();
    writeFileSync(path.join(dir, 'opentwinning.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by another OpenTwinning process (pid ${process.ppid})`);
  });

  it('takes over a lock left by a process that died', () => {
    fresh();
    writeFileSync(path.join(dir, 'opentwinning.lock'), String(deadPid()));
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'opentwinning.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
