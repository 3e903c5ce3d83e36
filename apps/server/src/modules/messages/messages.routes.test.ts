import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { PASSWORD, call, officer, signedUp, type Member, validatedTeacher } from '../../../test/support/factories.ts';

let t: TestContext;
let nss: Member;
beforeAll(async () => {
  t = await createTestApp();
  nss = await officer(t, 'nss_officer', 'FR');
});
afterAll(() => t.close());

const teacher = () => validatedTeacher(t, nss);

const send = (from: Member, to: Member, body = 'Bonjour !') =>
  call(t, 'POST', '/api/messages', { cookie: from.cookie, body: { to: to.username, body } });
const conversations = async (m: Member) =>
  (await call(t, 'GET', '/api/conversations', { cookie: m.cookie })).json().conversations;

describe('messages between eTwinners (R-PF-3)', () => {
  it('delivers into one conversation per pair, with unread counts cleared on reading', async () => {
    const a = await teacher();
    const b = await teacher();
    const first = await send(a, b, 'Bonjour, un projet ensemble ?');
    expect(first.statusCode).toBe(201);
    await send(a, b, 'Nos élèves ont 12 ans.');
    const [conv] = await conversations(b);
    expect(conv).toMatchObject({ id: first.json().conversationId, unread: 2, with: { username: a.username } });
    expect(conv.lastMessage).toEqual({ excerpt: expect.any(String), mine: false });
    expect((await conversations(a))[0].lastMessage.mine).toBe(true);
    expect((await conversations(a))[0].unread).toBe(0);
    const read = await call(t, 'GET', `/api/conversations/${conv.id}`, { cookie: b.cookie });
    expect(read.json().messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([
      ['Bonjour, un projet ensemble ?', false],
      ['Nos élèves ont 12 ans.', false],
    ]);
    expect((await conversations(b))[0].unread).toBe(0);
    await send(b, a, 'Avec plaisir.');
    expect((await conversations(a))[0].unread).toBe(1);
    const stranger = await teacher();
    expect((await call(t, 'GET', `/api/conversations/${conv.id}`, { cookie: stranger.cookie })).statusCode).toBe(404);
  });

  it('answers the 6th message to non-contacts in a day with 429 RATE_LIMITED; contacts are not limited', async () => {
    const a = await teacher();
    const others = [await teacher(), await teacher(), await teacher()];
    for (let i = 0; i < 5; i++) expect((await send(a, others[i % 3]!)).statusCode).toBe(201);
    const sixth = await send(a, others[0]!);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    // Once contacts, no limit.
    const req = await call(t, 'POST', '/api/contacts/requests', {
      cookie: a.cookie,
      body: { username: others[1]!.username },
    });
    await call(t, 'POST', `/api/contacts/requests/${req.json().id}/accept`, { cookie: others[1]!.cookie });
    for (let i = 0; i < 3; i++) expect((await send(a, others[1]!)).statusCode).toBe(201);
  });

  it('does not let a blocked person write, nor a person who is not validated', async () => {
    const a = await teacher();
    const b = await teacher();
    await call(t, 'PUT', `/api/blocks/${a.username}`, { cookie: b.cookie });
    const blocked = await send(a, b);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toBe('You cannot write to this person.');
    const pending = await signedUp(t);
    expect((await send(pending, a)).json().error.code).toBe('ACCOUNT_NOT_VALIDATED');
    expect((await call(t, 'POST', '/api/messages', { body: { to: a.username, body: 'x' } })).statusCode).toBe(401);
    expect(
      (await call(t, 'POST', '/api/messages', { cookie: a.cookie, body: { to: b.username, body: '   ' } })).statusCode,
    ).toBe(422);
  });

  it('keeps a deleted author’s messages for the other side, unsigned, and exports one’s own messages', async () => {
    const a = await teacher();
    const b = await teacher();
    await send(a, b, 'Message de A');
    const exported = (await call(t, 'GET', '/api/me/export', { cookie: a.cookie })).json().data.messages_sent;
    expect(exported.map((m: { body: string }) => m.body)).toEqual(['Message de A']);
    expect(
      (await call(t, 'POST', '/api/me/delete', { cookie: a.cookie, body: { password: PASSWORD } })).statusCode,
    ).toBe(204);
    const [conv] = await conversations(b);
    expect(conv.with).toBeNull();
    const read = (await call(t, 'GET', `/api/conversations/${conv.id}`, { cookie: b.cookie })).json();
    expect(read.messages).toEqual([
      expect.objectContaining({ body: 'Message de A', mine: false, fromDeletedAccount: true }),
    ]);
    const rows = await t.database.pool.query('SELECT count(*)::int AS n FROM message WHERE sender_id = $1', [
      a.personId,
    ]);
    expect(rows.rows[0].n).toBe(0);
  });
});
