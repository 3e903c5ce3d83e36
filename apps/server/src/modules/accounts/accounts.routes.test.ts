import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { PASSWORD, call, lastMailTo, sessionCookie, signedUp, tokenIn } from '../../../test/support/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signUpBody = (over: Record<string, unknown> = {}) => ({
  email: 'ana@x.es',
  password: PASSWORD,
  username: 'ana_garcia',
  firstName: 'Ana',
  lastName: 'García',
  uiLanguage: 'es',
  acceptCodeOfConduct: true,
  ...over,
});

describe('sign-up and email confirmation (R-ACC-1, R-ACC-4, R-MOD-2)', () => {
  it('creates an account, emails a confirmation link in the person’s language, and the link signs in', async () => {
    const res = await call(t, 'POST', '/api/auth/sign-up', { body: signUpBody() });
    expect(res.statusCode).toBe(201);
    const mail = await lastMailTo(t, 'ana@x.es');
    expect(mail?.subject).toBe('Confirma tu dirección de correo en OpenTwinning');
    expect(mail?.body).toMatch(/http:\/\/localhost:3000\/es\/confirmar-correo\?token=/);
    expect(mail?.status).toBe('stored');

    const early = await call(t, 'POST', '/api/auth/sign-in', { body: { email: 'ana@x.es', password: PASSWORD } });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('EMAIL_NOT_CONFIRMED');

    const confirm = await call(t, 'POST', '/api/auth/confirm-email', { body: { token: tokenIn(mail!.body) } });
    expect(confirm.statusCode).toBe(200);
    const cookie = confirm.headers['set-cookie'] as string;
    expect(cookie).toMatch(/ot_session=.+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await call(t, 'GET', '/api/me', { cookie: sessionCookie(confirm) });
    expect(me.json()).toMatchObject({
      username: 'ana_garcia',
      emailConfirmed: true,
      profileCompleted: false,
      status: 'registered',
    });

    const again = await call(t, 'POST', '/api/auth/confirm-email', { body: { token: tokenIn(mail!.body) } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TOKEN_INVALID');
  });

  it('refuses Ana@x.es when ana@x.es exists: one person, one account, case-insensitive', async () => {
    const res = await call(t, 'POST', '/api/auth/sign-up', {
      body: signUpBody({ email: 'Ana@X.es', username: 'ana2' }),
      lang: 'en',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CONFLICT',
      fields: { email: 'There is already an account with this email.' },
    });
    const sameName = await call(t, 'POST', '/api/auth/sign-up', {
      body: signUpBody({ email: 'other@x.es', username: 'ANA_GARCIA' }),
    });
    expect(sameName.json().error.fields).toEqual({ username: 'This username is taken.' });
  });

  it('requires the code of conduct and a long enough password, in the caller language', async () => {
    const res = await call(t, 'POST', '/api/auth/sign-up', {
      body: signUpBody({ email: 'b@x.es', username: 'bbb', password: 'short', acceptCodeOfConduct: false }),
      lang: 'es',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({
      password: 'La contraseña necesita al menos 10 caracteres.',
      acceptCodeOfConduct: 'Para registrarte tienes que aceptar el código de conducta.',
    });
  });
});

describe('profile (R-ACC-1, R-ACC-2)', () => {
  it('refuses a non-pedagogical role with a clear, translated reason', async () => {
    const m = await signedUp(t, { profile: false });
    const res = await call(t, 'PUT', '/api/me/profile', {
      cookie: m.cookie,
      lang: 'es',
      body: {
        firstName: 'Luis',
        lastName: 'Pérez',
        schoolRole: 'administrative_staff',
        subjects: ['mathematics'],
        languages: ['es'],
        uiLanguage: 'es',
        timeZone: 'Europe/Madrid',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ROLE_NOT_ELIGIBLE');
    expect(res.json().error.message).toMatch(/^Solo puede registrarse el personal pedagógico/);
    expect(res.json().error.fields).toEqual({
      schoolRole: 'El personal administrativo o no docente no puede registrarse.',
    });
  });

  it('keeps the username: it cannot be changed (R-ACC-4)', async () => {
    const m = await signedUp(t);
    const res = await call(t, 'PUT', '/api/me/profile', {
      cookie: m.cookie,
      body: {
        username: 'someone_else',
        firstName: 'A',
        lastName: 'B',
        schoolRole: 'teacher',
        subjects: ['art'],
        languages: ['fr'],
        uiLanguage: 'en',
        timeZone: 'Europe/Paris',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().username).toBe(m.username);
  });

  it('checks subjects, languages and time zone against their closed lists', async () => {
    const m = await signedUp(t, { profile: false });
    const res = await call(t, 'PUT', '/api/me/profile', {
      cookie: m.cookie,
      body: {
        firstName: 'A',
        lastName: 'B',
        schoolRole: 'teacher',
        subjects: ['astrology'],
        languages: ['xx'],
        uiLanguage: 'en',
        timeZone: 'Mars/Base',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['languages.0', 'subjects.0', 'timeZone']);
  });
});

describe('sessions', () => {
  it('answers the 6th wrong password in a minute with 429 RATE_LIMITED and Retry-After', async () => {
    const m = await signedUp(t);
    for (let i = 0; i < 5; i++) {
      const res = await call(t, 'POST', '/api/auth/sign-in', { body: { email: m.email, password: 'wrong password!' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const sixth = await call(t, 'POST', '/api/auth/sign-in', { body: { email: m.email, password: PASSWORD } });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('lists the open sessions and revokes one; signing out ends the current one', async () => {
    const m = await signedUp(t);
    const second = await call(t, 'POST', '/api/auth/sign-in', {
      body: { email: m.email, password: PASSWORD },
      headers: { 'user-agent': 'Other browser' },
    });
    const other = sessionCookie(second)!;
    const list = (await call(t, 'GET', '/api/me/sessions', { cookie: m.cookie })).json().sessions;
    expect(list).toHaveLength(2);
    const theOther = list.find((s: { current: boolean }) => !s.current);
    expect(theOther.userAgent).toBe('Other browser');
    expect((await call(t, 'DELETE', `/api/me/sessions/${theOther.id}`, { cookie: m.cookie })).statusCode).toBe(204);
    expect((await call(t, 'GET', '/api/me', { cookie: other })).statusCode).toBe(401);
    expect((await call(t, 'POST', '/api/auth/sign-out', { cookie: m.cookie })).statusCode).toBe(204);
    expect((await call(t, 'GET', '/api/me', { cookie: m.cookie })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write from another site (CSRF), accepts the CSRF token', async () => {
    const m = await signedUp(t);
    const body = {
      firstName: 'A',
      lastName: 'B',
      schoolRole: 'teacher',
      subjects: ['art'],
      languages: ['fr'],
      uiLanguage: 'en',
      timeZone: 'Europe/Paris',
    };
    const foreign = await call(t, 'PUT', '/api/me/profile', { cookie: m.cookie, body, origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CSRF_FAILED');
    const noOrigin = await call(t, 'PUT', '/api/me/profile', { cookie: m.cookie, body, origin: null });
    expect(noOrigin.statusCode).toBe(403);
    const { token } = (await call(t, 'GET', '/api/auth/csrf', { cookie: m.cookie })).json();
    const withToken = await call(t, 'PUT', '/api/me/profile', {
      cookie: m.cookie,
      body,
      origin: null,
      headers: { 'x-csrf-token': token },
    });
    expect(withToken.statusCode).toBe(200);
  });

  it('resets a forgotten password by email and closes every session', async () => {
    const m = await signedUp(t);
    const req = await call(t, 'POST', '/api/auth/password-reset', { body: { email: m.email.toUpperCase() } });
    expect(req.statusCode).toBe(202);
    const unknown = await call(t, 'POST', '/api/auth/password-reset', { body: { email: 'nobody@nowhere.example' } });
    expect(unknown.statusCode).toBe(202);
    const mail = await lastMailTo(t, m.email);
    expect(mail?.kind).toBe('reset_password');
    const done = await call(t, 'POST', '/api/auth/password-reset/complete', {
      body: { token: tokenIn(mail!.body), password: 'a brand new password' },
    });
    expect(done.statusCode).toBe(200);
    expect((await call(t, 'GET', '/api/me', { cookie: m.cookie })).statusCode).toBe(401);
    const signIn = await call(t, 'POST', '/api/auth/sign-in', {
      body: { email: m.email, password: 'a brand new password' },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('sends at most 3 reset links to one address in 15 minutes, answering the same way', async () => {
    const m = await signedUp(t);
    for (let i = 0; i < 5; i++) {
      expect((await call(t, 'POST', '/api/auth/password-reset', { body: { email: m.email } })).statusCode).toBe(202);
    }
    const { rows } = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1 AND kind = 'reset_password'`,
      [m.email],
    );
    expect(rows[0].n).toBe(3);
  });

  it.each([
    ['GET', '/api/me'],
    ['PUT', '/api/me/profile'],
    ['GET', '/api/me/sessions'],
    ['GET', '/api/me/export'],
    ['POST', '/api/me/delete'],
    ['GET', '/api/people/someone'],
    ['GET', '/api/auth/csrf'],
  ] as const)('%s %s answers 401 UNAUTHENTICATED without a session', async (method, url) => {
    const res = await call(t, method, url, { body: method === 'GET' ? undefined : {} });
    expect([401, 422]).toContain(res.statusCode);
    if (res.statusCode === 422) {
      // A body that fails validation is refused before anything else, also without a session.
      expect(res.json().error.code).toBe('VALIDATION');
    } else expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('personal data (R-ACC-5)', () => {
  it('exports everything held about the person, and deletion leaves no personal data in the database', async () => {
    const m = await signedUp(t, { email: 'delete.me@school.example', firstName: 'Zoé' });
    const exported = await call(t, 'GET', '/api/me/export', { cookie: m.cookie });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="opentwinning-teacher_/);
    const data = exported.json().data;
    expect(data.account.profile).toMatchObject({
      email: 'delete.me@school.example',
      firstName: 'Zoé',
      schoolRole: 'teacher',
    });
    expect(data.account.profile.passwordHash).toBeUndefined();
    expect(data.account.profile.codeOfConductAcceptedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/); // R-MOD-2: the date is kept
    expect(data.schools_and_roles).toEqual({ affiliations: [], roles: [] });
    expect(data.account.messages.map((x: { kind: string }) => x.kind)).toEqual(['confirm_email']);

    const wrong = await call(t, 'POST', '/api/me/delete', { cookie: m.cookie, body: { password: 'not my password' } });
    expect(wrong.statusCode).toBe(401);
    const res = await call(t, 'POST', '/api/me/delete', { cookie: m.cookie, body: { password: PASSWORD } });
    expect(res.statusCode).toBe(204);

    const db = t.database.pool;
    const rows = async (q: string, p: unknown[]) => (await db.query(q, p)).rows;
    expect(
      await rows('SELECT * FROM person WHERE id = $1 OR lower(email) = $2', [m.personId, 'delete.me@school.example']),
    ).toEqual([]);
    expect(await rows('SELECT * FROM session WHERE person_id = $1', [m.personId])).toEqual([]);
    expect(await rows('SELECT * FROM email_token WHERE person_id = $1', [m.personId])).toEqual([]);
    expect(await rows('SELECT * FROM affiliation WHERE person_id = $1', [m.personId])).toEqual([]);
    expect(
      await rows('SELECT * FROM mail_outbox WHERE lower(to_address) = $1 OR body LIKE $2', [
        'delete.me@school.example',
        '%Zoé%',
      ]),
    ).toEqual([]);
    expect(
      await rows(
        `SELECT * FROM audit_entry WHERE subject_id = $1 OR actor_id = $1 OR subject_label = $2 OR actor_label = $2`,
        [m.personId, m.username],
      ),
    ).toEqual([]);
    const anywhere = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM person WHERE first_name = 'Zoé' OR username = ${m.username}`,
    );
    expect(anywhere.rows[0]).toEqual({ n: 0 });
  });
});
