import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, lastMailTo, officer, signedUp } from '../../../test/support/factories.ts';
import { runPrivacyLifecycle } from './accounts.service.ts';

const DAY = 86_400_000;
let clock = Date.now();
let t: TestContext;
let jobs: Jobs;
beforeAll(async () => {
  // Short durations so that the whole lifecycle fits in a test: hide after 10 days, anonymise after 30, warn 5 before.
  t = await createTestApp({
    privacy: { hideAfterDays: 10, anonymiseAfterDays: 30, warningDays: 5 },
    now: () => new Date(clock),
  });
  jobs = createJobs(t.database, { 'privacy-lifecycle': { run: () => runPrivacyLifecycle(t.app.ctx) } });
  await jobs.start();
});
afterAll(async () => {
  await jobs.stop();
  await t.close();
});

const person = async (id: string) => (await t.database.pool.query('SELECT * FROM person WHERE id = $1', [id])).rows[0];

describe('privacy lifecycle on the job queue (R-ACC-5)', () => {
  it('hides inactive profiles, warns by email, then anonymises; signing in in time keeps the account', async () => {
    const sleeper = await signedUp(t, { uiLanguage: 'es' });
    const active = await signedUp(t);
    const viewer = await officer(t, 'css_officer');

    clock += 11 * DAY;
    expect(await jobs.runNow('privacy-lifecycle')).toMatchObject({ hidden: 3 });
    expect((await person(sleeper.personId)).hidden_from_search_at).not.toBeNull();
    // Hidden profiles are not shown to others.
    expect((await call(t, 'GET', `/api/people/${sleeper.username}`, { cookie: viewer.cookie })).statusCode).toBe(403);

    clock += 15 * DAY; // 26 days without signing in: within the warning period
    expect(await jobs.runNow('privacy-lifecycle')).toMatchObject({ warned: 3, anonymised: 0 });
    const warning = await lastMailTo(t, sleeper.email);
    expect(warning?.kind).toBe('inactivity_warning');
    expect(warning?.subject).toBe('Tu cuenta de OpenTwinning se anonimizará pronto');

    // One of them signs in: visible again, no longer on the way to anonymisation.
    const back = await call(t, 'POST', '/api/auth/sign-in', {
      body: { email: active.email, password: 'correct horse battery' },
    });
    expect(back.statusCode).toBe(200);
    expect((await person(active.personId)).hidden_from_search_at).toBeNull();

    clock += 5 * DAY; // 31 days: past 30, warned 5 days ago
    expect(await jobs.runNow('privacy-lifecycle')).toMatchObject({ anonymised: 2 });
    const gone = await person(sleeper.personId);
    expect(gone).toMatchObject({ first_name: '', last_name: '', password_hash: null, presentation: '' });
    expect(gone.email).toBe(`anonymised-${sleeper.personId}@invalid`);
    expect(gone.anonymised_at).not.toBeNull();
    expect(
      (await t.database.pool.query('SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1', [sleeper.email]))
        .rows[0].n,
    ).toBe(0);
    expect((await person(active.personId)).anonymised_at).toBeNull();
    const signIn = await call(t, 'POST', '/api/auth/sign-in', {
      body: { email: sleeper.email, password: 'correct horse battery' },
    });
    expect(signIn.statusCode).toBe(401);
  });
});
