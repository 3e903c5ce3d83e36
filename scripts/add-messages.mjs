// Adds (or replaces) message keys in both catalogues at once, from two JSON files:
//   node scripts/add-messages.mjs new-es.json new-en.json
// Read-modify-write in one step, keys kept in insertion order.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [esFile, enFile] = process.argv.slice(2);
if (!esFile || !enFile) {
  console.error('usage: node scripts/add-messages.mjs <es.json> <en.json>');
  process.exit(2);
}
const es = JSON.parse(readFileSync(esFile, 'utf8'));
const en = JSON.parse(readFileSync(enFile, 'utf8'));
const missing = [...Object.keys(es).filter((k) => !(k in en)), ...Object.keys(en).filter((k) => !(k in es))];
if (missing.length) {
  console.error(`keys present in only one language: ${missing.join(', ')}`);
  process.exit(1);
}
for (const [locale, add] of [
  ['es', es],
  ['en', en],
]) {
  const file = fileURLToPath(new URL(`../packages/i18n/messages/${locale}.json`, import.meta.url));
  const current = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, `${JSON.stringify({ ...current, ...add }, null, 2)}\n`);
}
console.log(`added ${Object.keys(es).length} messages`);
