// Builds the web UI (apps/web/build). Compiles the message catalogues first.
// The build is run through this script because a first Paraglide/Vite build leaves timers
// alive for ~20 s after it is done; exiting explicitly saves that wait.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
execFileSync(process.execPath, ['packages/i18n/compile.mjs'], { cwd: root, stdio: 'inherit' });
process.chdir(`${root}apps/web`);
const { build } = await import('vite');
await build({ logLevel: process.env.CI ? 'warn' : 'info' });
console.log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
