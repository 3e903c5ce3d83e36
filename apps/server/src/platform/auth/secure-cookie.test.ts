import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, lastMailTo, tokenIn } from '../../../test/support/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://twinning.example.org' });
});
afterAll(() => t.close());

describe('session cookie behind https', () => {
  it('is Secure when PUBLIC_URL is https, and links in mails use that address', async () => {
    await call(t, 'POST', '/api/auth/sign-up', {
      body: {
        email: 'https.user@school.example',
        password: 'correct horse battery',
        username: 'https_user',
        firstName: 'A',
        lastName: 'B',
        uiLanguage: 'en',
        acceptCodeOfConduct: true,
      },
      origin: 'https://twinning.example.org',
    });
    const mail = await lastMailTo(t, 'https.user@school.example');
    expect(mail?.body).toContain('https://twinning.example.org/en/confirm-email?token=');
    const res = await call(t, 'POST', '/api/auth/confirm-email', { body: { token: tokenIn(mail!.body) } });
    expect(res.headers['set-cookie']).toMatch(
      /ot_session=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
  });
});
