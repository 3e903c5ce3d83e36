// Compiles the message catalogues (messages/{locale}.json) into tree-shakable
// message functions under ./paraglide, used by the web pages and the server.
// The compiler leaves timers running for ~30 s after it is done: exit explicitly.
import { compile } from '@inlang/paraglide-js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const { locales } = JSON.parse(readFileSync(here('./project.inlang/settings.json'), 'utf8'));

// Every catalogue must hold the same keys: a missing translation is an error, not a fallback.
const keysOf = (locale) =>
  Object.keys(JSON.parse(readFileSync(here(`./messages/${locale}.json`), 'utf8'))).filter((k) => !k.startsWith('$'));
const reference = new Set(keysOf(locales[0]));
let missing = 0;
for (const locale of locales.slice(1)) {
  const keys = new Set(keysOf(locale));
  for (const k of reference)
    if (!keys.has(k)) {
      console.error(`messages/${locale}.json lacks "${k}"`);
      missing++;
    }
  for (const k of keys)
    if (!reference.has(k)) {
      console.error(`messages/${locales[0]}.json lacks "${k}"`);
      missing++;
    }
}
if (missing) process.exit(1);

// Skip the work when nothing changed since the last compile (it takes a few seconds).
const hash = createHash('sha256');
for (const f of ['./project.inlang/settings.json', './compile.mjs', ...locales.map((l) => `./messages/${l}.json`)]) {
  hash.update(readFileSync(here(f)));
}
const digest = hash.digest('hex');
const stamp = here('./paraglide/.source-hash');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && !process.argv.includes('--force')) {
  console.log('i18n: messages unchanged');
  process.exit(0);
}

await compile({
  project: here('./project.inlang'),
  outdir: here('./paraglide'),
  // The web app and the server decide the locale themselves (overwriteGetLocale, explicit { locale }).
  strategy: ['baseLocale'],
  emitGitIgnore: false,
  emitPrettierIgnore: false,
  emitTsDeclarations: true,
});
writeFileSync(stamp, digest);
console.log(`i18n: compiled ${reference.size} messages for ${locales.join(', ')}`);
process.exit(0);
