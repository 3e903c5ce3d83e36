import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/support/smtp.ts';
import { call, lastMailTo } from '../../../test/support/factories.ts';

let smtp: SmtpCatcher;
let t: TestContext;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('mail over SMTP', () => {
  it('delivers the confirmation mail by real SMTP after the sign-up commits, in the person’s language', async () => {
    const res = await call(t, 'POST', '/api/auth/sign-up', {
      body: {
        email: 'smtp.user@school.example',
        password: 'correct horse battery',
        username: 'smtp_user',
        firstName: 'Íñigo',
        lastName: 'Test',
        uiLanguage: 'es',
        acceptCodeOfConduct: true,
      },
    });
    expect(res.statusCode).toBe(201);
    const mail = await smtp.waitFor('smtp.user@school.example');
    expect(mail.subject).toBe('Confirma tu dirección de correo en OpenTwinning');
    expect(mail.text).toContain('Hola, Íñigo:');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/es\/confirmar-correo\?token=[\w-]+/);
    expect(mail.from).toBe('no-reply@localhost');
    expect((await lastMailTo(t, 'smtp.user@school.example'))?.status).toBe('sent');
  });

  it('sends nothing when the transaction fails (the mail is written in it)', async () => {
    const before = smtp.mails.length;
    const dup = await call(t, 'POST', '/api/auth/sign-up', {
      body: {
        email: 'SMTP.user@school.example',
        password: 'correct horse battery',
        username: 'other_user',
        firstName: 'X',
        lastName: 'Y',
        uiLanguage: 'en',
        acceptCodeOfConduct: true,
      },
    });
    expect(dup.statusCode).toBe(409);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.length).toBe(before);
  });
});
