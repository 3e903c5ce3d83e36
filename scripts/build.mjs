// Builds the web UI (apps/web/build), after compiling the message catalogues.
// Skipped when none of its inputs changed since the last build (pass --force to rebuild).
// Run through this script because a first Vite build leaves timers alive for ~20 s after it is
// done; exiting explicitly saves that wait.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
execFileSync(process.execPath, ['packages/i18n/compile.mjs'], { cwd: root, stdio: 'inherit' });

const inputs = [
  'apps/web/src',
  'apps/web/static',
  'apps/web/svelte.config.js',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/contracts/src',
  'packages/i18n/src',
  'packages/i18n/messages',
  'package-lock.json',
];
function* files(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) for (const name of readdirSync(full).sort()) yield* files(path.join(p, name));
  else yield p;
}
const hash = createHash('sha256');
for (const input of inputs) for (const f of files(input)) hash.update(f).update(readFileSync(path.join(root, f)));
const digest = hash.digest('hex');
const stamp = path.join(root, 'apps/web/build/.source-hash');
if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log('web: build is up to date');
  process.exit(0);
}

process.chdir(path.join(root, 'apps/web'));
const { build } = await import('vite');
await build({ logLevel: process.env.CI ? 'warn' : 'info' });
writeFileSync(stamp, digest);
console.log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
