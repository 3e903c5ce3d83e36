import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, lastMailTo, officer, type Member, validatedTeacher } from '../../../test/support/factories.ts';
import { sendDigests } from './notifications.service.ts';

let t: TestContext;
let css: Member;
let clock = new Date('2027-03-01T08:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  css = await officer(t, 'css_officer');
});
afterAll(() => t.close());

const notes = async (m: Member) => (await call(t, 'GET', '/api/notifications', { cookie: m.cookie })).json();

describe('notifications and the daily digest', () => {
  it('contact requests, acceptances and messages notify; reading the conversation reads the notice', async () => {
    const a = await validatedTeacher(t, css);
    const b = await validatedTeacher(t, css);
    const req = (
      await call(t, 'POST', '/api/contacts/requests', { cookie: a.cookie, body: { username: b.username } })
    ).json();
    expect((await notes(b)).items[0]).toMatchObject({ kind: 'contact_request', subjectId: req.id, read: false });
    await call(t, 'POST', `/api/contacts/requests/${req.id}/accept`, { cookie: b.cookie });
    expect((await notes(b)).unread).toBe(0); // answering settles it
    expect((await notes(a)).items[0]).toMatchObject({ kind: 'contact_accepted', actor: { username: b.username } });

    const first = await call(t, 'POST', '/api/messages', { cookie: a.cookie, body: { to: b.username, body: 'Hola' } });
    await call(t, 'POST', '/api/messages', { cookie: a.cookie, body: { to: b.username, body: '¿Empezamos?' } });
    const inbox = await notes(b);
    expect(inbox.unread).toBe(1);
    // (The test clock stands still, so order by kind rather than by time.)
    expect(inbox.items.find((n: { kind: string }) => n.kind === 'message')).toMatchObject({
      count: 2,
      subjectId: first.json().conversationId,
      read: false,
    });
    await call(t, 'GET', `/api/conversations/${first.json().conversationId}`, { cookie: b.cookie });
    expect((await notes(b)).unread).toBe(0);

    await call(t, 'POST', '/api/notifications/read', { cookie: a.cookie, body: {} });
    expect((await notes(a)).unread).toBe(0);
  });

  it('a block takes away the notices between the two people', async () => {
    const a = await validatedTeacher(t, css);
    const b = await validatedTeacher(t, css);
    await call(t, 'POST', '/api/contacts/requests', { cookie: a.cookie, body: { username: b.username } });
    expect((await notes(b)).unread).toBe(1);
    await call(t, 'PUT', `/api/blocks/${a.username}`, { cookie: b.cookie });
    expect(await notes(b)).toEqual({ unread: 0, items: [] });
  });

  it('mails a daily digest in the recipient’s language to those who asked, once per new notice', async () => {
    const a = await validatedTeacher(t, css);
    const b = await validatedTeacher(t, css, { profile: { dailyDigest: true, uiLanguage: 'es' } });
    const quiet = await validatedTeacher(t, css);
    await call(t, 'POST', '/api/contacts/requests', { cookie: a.cookie, body: { username: b.username } });
    await call(t, 'POST', '/api/contacts/requests', { cookie: a.cookie, body: { username: quiet.username } });
    const me = (await call(t, 'GET', '/api/me', { cookie: a.cookie })).json();

    expect(await sendDigests(t.app.ctx)).toBeGreaterThanOrEqual(1);
    const mail = await lastMailTo(t, b.email);
    expect(mail!.subject).toBe('Tus avisos de hoy en OpenTwinning');
    expect(mail!.body).toContain(`${me.firstName} ${me.lastName} quiere ser tu contacto`);
    expect(mail!.body).toContain('/es/avisos');
    expect(await lastMailTo(t, quiet.email)).toMatchObject({ kind: expect.not.stringMatching(/digest/) });

    // Nothing new: no second digest.
    clock = new Date(clock.getTime() + 86_400_000);
    const before = (await lastMailTo(t, b.email))!.id;
    await sendDigests(t.app.ctx);
    expect((await lastMailTo(t, b.email))!.id).toBe(before);
  });
});
