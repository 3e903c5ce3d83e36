import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, officer, signedUp, type Member, validatedTeacher } from '../../../test/support/factories.ts';

let t: TestContext;
let nss: Member;
beforeAll(async () => {
  t = await createTestApp();
  nss = await officer(t, 'nss_officer', 'FR');
});
afterAll(() => t.close());

const teacher = () => validatedTeacher(t, nss);

const ask = (from: Member, to: Member, message = 'Un projet sur l’eau ?') =>
  call(t, 'POST', '/api/contacts/requests', { cookie: from.cookie, body: { username: to.username, message } });
const mine = async (m: Member) => (await call(t, 'GET', '/api/contacts', { cookie: m.cookie })).json();

describe('contacts (R-PF-3)', () => {
  it('request → accept makes two validated teachers contacts, seen from both sides', async () => {
    const a = await teacher();
    const b = await teacher();
    const req = await ask(a, b);
    expect(req.statusCode).toBe(201);
    expect((await mine(b)).incoming).toEqual([
      expect.objectContaining({
        message: 'Un projet sur l’eau ?',
        person: expect.objectContaining({ username: a.username }),
      }),
    ]);
    expect((await mine(a)).outgoing).toHaveLength(1);
    expect((await ask(a, b)).json().error.code).toBe('CONFLICT'); // already pending
    expect((await ask(b, a)).statusCode).toBe(409); // nor the other way round
    const accept = await call(t, 'POST', `/api/contacts/requests/${req.json().id}/accept`, { cookie: b.cookie });
    expect(accept.statusCode).toBe(204);
    expect((await mine(a)).contacts.map((c: { person: { username: string } }) => c.person.username)).toEqual([
      b.username,
    ]);
    expect((await mine(b)).contacts.map((c: { person: { username: string } }) => c.person.username)).toEqual([
      a.username,
    ]);
    expect((await ask(a, b)).json().error.message).toBe('You are already contacts.');
  });

  it('tells each side where they stand (the profile page shows the matching action)', async () => {
    const a = await teacher();
    const b = await teacher();
    const rel = async (from: Member, to: Member) =>
      (await call(t, 'GET', `/api/contacts/with/${to.username}`, { cookie: from.cookie })).json();
    expect(await rel(a, b)).toEqual({ status: 'none' });
    expect(await rel(a, a)).toEqual({ status: 'self' });
    const req = (await ask(a, b, 'Hola')).json();
    expect(await rel(a, b)).toEqual({ status: 'request_sent', requestId: req.id, message: 'Hola' });
    expect(await rel(b, a)).toEqual({ status: 'request_received', requestId: req.id, message: 'Hola' });
    await call(t, 'POST', `/api/contacts/requests/${req.id}/accept`, { cookie: b.cookie });
    expect(await rel(b, a)).toEqual({ status: 'contacts' });
    await call(t, 'PUT', `/api/blocks/${a.username}`, { cookie: b.cookie });
    expect(await rel(b, a)).toEqual({ status: 'blocked_by_me' });
    expect(await rel(a, b)).toEqual({ status: 'blocked_me' });
  });

  it('only the addressee answers, only the requester withdraws, and only once', async () => {
    const a = await teacher();
    const b = await teacher();
    const id = (await ask(a, b)).json().id;
    expect((await call(t, 'POST', `/api/contacts/requests/${id}/accept`, { cookie: a.cookie })).statusCode).toBe(404);
    expect((await call(t, 'POST', `/api/contacts/requests/${id}/withdraw`, { cookie: b.cookie })).statusCode).toBe(404);
    expect((await call(t, 'POST', `/api/contacts/requests/${id}/decline`, { cookie: b.cookie })).statusCode).toBe(204);
    expect((await call(t, 'POST', `/api/contacts/requests/${id}/accept`, { cookie: b.cookie })).statusCode).toBe(409);
    // Declined: a new request may be made later.
    const again = await ask(a, b);
    expect(again.statusCode).toBe(201);
    expect(
      (await call(t, 'POST', `/api/contacts/requests/${again.json().id}/withdraw`, { cookie: a.cookie })).statusCode,
    ).toBe(204);
    expect((await mine(b)).incoming).toEqual([]);
  });

  it('is for validated teachers only, on both sides', async () => {
    const a = await teacher();
    const pending = await signedUp(t);
    const fromPending = await ask(pending, a);
    expect(fromPending.statusCode).toBe(403);
    expect(fromPending.json().error.code).toBe('ACCOUNT_NOT_VALIDATED');
    const toPending = await ask(a, pending);
    expect(toPending.statusCode).toBe(409);
    expect((await ask(a, a)).json().error.fields).toEqual({ username: 'You cannot be your own contact.' });
    expect((await call(t, 'POST', '/api/contacts/requests', { body: { username: a.username } })).statusCode).toBe(401);
    expect((await call(t, 'GET', '/api/contacts/requests/x', { cookie: a.cookie })).statusCode).toBe(404);
  });

  it('blocking ends the contact, and the blocked person can no longer ask', async () => {
    const a = await teacher();
    const b = await teacher();
    const id = (await ask(a, b)).json().id;
    await call(t, 'POST', `/api/contacts/requests/${id}/accept`, { cookie: b.cookie });
    expect((await call(t, 'PUT', `/api/blocks/${a.username}`, { cookie: b.cookie })).statusCode).toBe(204);
    expect((await mine(a)).contacts).toEqual([]);
    const blocked = await ask(a, b);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toBe('You cannot ask this person to be a contact.');
    expect((await ask(b, a)).statusCode).toBe(403); // nor the blocker, while the block stands
    expect((await mine(b)).blocked.map((x: { username: string }) => x.username)).toEqual([a.username]);
    expect((await call(t, 'DELETE', `/api/blocks/${a.username}`, { cookie: b.cookie })).statusCode).toBe(204);
    expect((await ask(a, b)).statusCode).toBe(201);
  });

  it('removing a contact works from either side; the requests are part of the data export', async () => {
    const a = await teacher();
    const b = await teacher();
    const id = (await ask(a, b)).json().id;
    await call(t, 'POST', `/api/contacts/requests/${id}/accept`, { cookie: b.cookie });
    expect((await call(t, 'DELETE', `/api/contacts/${a.username}`, { cookie: b.cookie })).statusCode).toBe(204);
    expect((await mine(a)).contacts).toEqual([]);
    expect((await call(t, 'DELETE', `/api/contacts/${a.username}`, { cookie: b.cookie })).statusCode).toBe(404);
    const data = (await call(t, 'GET', '/api/me/export', { cookie: a.cookie })).json().data;
    expect(data.contacts).toEqual([expect.objectContaining({ id, status: 'removed' })]);
  });
});
