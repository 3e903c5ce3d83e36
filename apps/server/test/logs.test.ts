import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './support/test-app.ts';
import { call, joinSchool, lastMailTo, newSchool, officer, signedUp, tokenIn } from './support/factories.ts';

const lines: string[] = [];
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ logStream: { write: (line) => lines.push(line) } });
});
afterAll(() => t.close());

describe('logs (privacy)', () => {
  it('never carry names, emails, passwords, tokens or query strings — even when the database refuses a write', async () => {
    const teacher = await signedUp(t, { email: 'private.person@school.example', firstName: 'Secretname' });
    const school = await newSchool(t, teacher, {
      countryCode: 'ES',
      regionCode: 'ES-AN',
      headEmail: 'head.private@school.example',
    });
    const other = await signedUp(t);
    const affiliation = await joinSchool(t, other, school.id); // emails the head teacher a signed link
    const headToken = tokenIn((await lastMailTo(t, 'head.private@school.example'))!.body);
    await call(t, 'GET', `/api/validation/head-teacher?token=${headToken}`);
    await call(t, 'POST', '/api/auth/password-reset', { body: { email: teacher.email } });
    const resetToken = tokenIn((await lastMailTo(t, teacher.email))!.body);
    await call(t, 'POST', '/api/auth/password-reset/complete', {
      body: { token: resetToken, password: 'another long password' },
    });
    await call(t, 'POST', '/api/auth/sign-in', {
      body: { email: teacher.email, password: 'wrong guess of a password' },
    });
    const nss = await officer(t, 'nss_officer', 'ES');
    await call(t, 'POST', '/api/validation/decisions', {
      cookie: nss.cookie,
      body: { affiliationIds: [affiliation], decision: 'reject', reason: 'Secretreason' },
    });
    // A write the database refuses (NUL byte), which used to log the query with its parameters.
    await call(t, 'PUT', '/api/me/profile', {
      cookie: teacher.cookie,
      body: {
        firstName: 'Secret\u0000name',
        lastName: 'B',
        schoolRole: 'teacher',
        subjects: ['art'],
        languages: ['es'],
        uiLanguage: 'es',
        timeZone: 'Europe/Madrid',
      },
    });

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(20);
    // The requests are logged — by path only.
    expect(log).toContain('"path":"/api/validation/head-teacher"');
    expect(log).toContain('"path":"/api/auth/password-reset/complete"');
    for (const secret of [
      'private.person',
      'head.private',
      'Secretname',
      'Secretreason',
      'correct horse battery',
      'wrong guess',
      'another long password',
      '$argon2',
      headToken,
      resetToken,
      'token=',
      'ot_session=',
    ]) {
      expect(log, `the logs contain "${secret}"`).not.toContain(secret);
    }
  });
});
