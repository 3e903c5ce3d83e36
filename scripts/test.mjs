// npm test: static checks, the build, then every test suite — unit and integration on the
// embedded database (PGlite), integration again on PostgreSQL when TEST_DATABASE_URL is set,
// and the browser journeys in Chromium. Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
mkdirSync('.tmp', { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const started = Date.now();

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const t0 = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `── ${title}: ${result.status === 0 ? 'ok' : `exit ${result.status ?? result.signal}`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return result.status === 0;
}

/** A static check counts as one test. */
function check(title, command, args) {
  if (run(title, command, args)) totals.passed++;
  else {
    totals.failed++;
    failures.push(title);
  }
}

/** Runs vitest projects and adds up the results from its JSON report. */
function vitest(title, projects, env = {}) {
  const report = `.tmp/results-${title.replace(/\W+/g, '-').toLowerCase()}.json`;
  rmSync(report, { force: true });
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ];
  const ok = run(title, 'npx', args, env);
  if (!existsSync(report)) {
    totals.failed++;
    failures.push(`${title}: vitest did not report (exit code ${ok ? 0 : 'non-zero'})`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  let failedHere = json.numFailedTests;
  totals.passed += json.numPassedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  for (const file of json.testResults) {
    const failedTests = file.assertionResults.filter((a) => a.status === 'failed');
    for (const a of failedTests) failures.push(`${title}: ${a.fullName}`);
    if (file.status === 'failed' && failedTests.length === 0) {
      // The file itself failed (an error in a hook or at import): its tests never ran.
      failedHere++;
      failures.push(`${title}: ${file.name.replace(root, '')} — ${String(file.message).split('\n')[0]}`);
    }
  }
  if (!ok && failedHere === 0) {
    failedHere = 1;
    failures.push(`${title}: vitest exited with an error outside the tests`);
  }
  totals.failed += failedHere;
}

const ci = process.env.CI === 'true';
const postgres = process.env.TEST_DATABASE_URL;

check('lint (eslint + prettier)', 'npm', ['run', '--silent', 'lint']);
check('types (tsc + svelte-check)', 'npm', ['run', '--silent', 'typecheck']);
check('build (web UI)', 'node', ['scripts/build.mjs']);
vitest('unit + integration on PGlite', ['unit', 'integration'], { TEST_DATABASE_URL: '' });
if (postgres) vitest('integration on PostgreSQL', ['integration'], { TEST_DATABASE_URL: postgres });
else console.log(`\n${ci ? '!!' : '--'} TEST_DATABASE_URL is not set: the integration suite ran on PGlite only.`);

const chromium = existsSync('/usr/bin/chromium');
if (!chromium && !ci) {
  console.log('\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  console.log('!! BROWSER TESTS NOT RUN: /usr/bin/chromium is missing (apt-get install chromium).');
  console.log('!! They are counted as not run, not as passed.');
  console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
}
vitest('browser journeys (Chromium)', ['e2e']);

console.log(`\n━━ Summary (${((Date.now() - started) / 1000).toFixed(0)} s) ━━`);
if (totals.skipped) console.log(`${totals.skipped} not run (skipped)`);
for (const f of failures) console.log(`FAILED ${f}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
