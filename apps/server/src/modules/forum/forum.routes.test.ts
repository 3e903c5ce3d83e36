import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, officer, signedUp, type Member, validatedTeacher } from '../../../test/support/factories.ts';

let t: TestContext;
let css: Member;
beforeAll(async () => {
  t = await createTestApp();
  css = await officer(t, 'css_officer');
});
afterAll(() => t.close());

const teacher = (school: Record<string, unknown> = {}) => validatedTeacher(t, css, { school });
const marker = () => `zq${randomBytes(4).toString('hex')}`;

const post = (m: Member, over: Record<string, unknown> = {}) =>
  call(t, 'POST', '/api/forum/posts', {
    cookie: m.cookie,
    body: {
      kind: 'seek',
      title: 'Buscamos socios para un proyecto sobre el agua',
      idea: 'Alumnado de 12 a 14 años; intercambio de experimentos sobre el ciclo del agua.',
      language: 'es',
      ageMin: 12,
      ageMax: 14,
      subjects: ['natural_sciences'],
      languages: ['es', 'en'],
      countriesWanted: ['FR', 'IT'],
      expectedStart: '2027-01-15',
      durationMonths: 6,
      ...over,
    },
  });
const list = async (m: Member, query: string) => {
  const res = await call(t, 'GET', `/api/forum/posts?${query}`, { cookie: m.cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; title: string; replies: number; mine: boolean }[];
    nextCursor: string | null;
  };
};

describe('partner-finding forum (R-PF-2)', () => {
  it('anonymisation after long inactivity removes the posts and unsigns the replies', async () => {
    const author = await teacher();
    const replier = await teacher();
    const { id } = (await post(author)).json();
    const other = (await post(replier)).json();
    await call(t, 'POST', `/api/forum/posts/${other.id}/replies`, { cookie: author.cookie, body: { body: 'Hola' } });
    const { anonymisePerson } = await import('../accounts/use-cases/personal-data.ts');
    await t.database.db.transaction((tx) => anonymisePerson(tx, author.personId, new Date()));
    const rows = await t.database.pool.query('SELECT count(*)::int AS n FROM partner_post WHERE author_id = $1', [
      author.personId,
    ]);
    expect(rows.rows[0].n).toBe(0);
    expect((await call(t, 'GET', `/api/forum/posts/${id}`, { cookie: replier.cookie })).statusCode).toBe(404);
    const detail = (await call(t, 'GET', `/api/forum/posts/${other.id}`, { cookie: replier.cookie })).json();
    expect(detail.replyList).toEqual([expect.objectContaining({ body: 'Hola', author: null })]);
    const notes = await t.database.pool.query('SELECT count(*)::int AS n FROM notification WHERE actor_id = $1', [
      author.personId,
    ]);
    expect(notes.rows[0].n).toBe(0);
  });

  it('a validated teacher posts; others find it by filters and by stemmed, accent-free text', async () => {
    const author = await teacher({ countryCode: 'IT' });
    const reader = await teacher({ countryCode: 'FR' });
    const m = marker();
    const created = await post(author, { title: `Proyectos de ciencias ${m}` });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const found = await list(reader, `q=proyecto ciencia ${m}`);
    expect(found.items.map((p) => p.id)).toEqual([id]);
    expect(
      (await list(reader, `q=${m}&country=IT&ageMin=13&ageMax=16&subject=natural_sciences&language=en`)).items,
    ).toHaveLength(1);
    expect((await list(reader, `q=${m}&wanted=FR`)).items).toHaveLength(1);
    expect((await list(reader, `q=${m}&wanted=PL`)).items).toHaveLength(0);
    expect((await list(reader, `q=${m}&ageMin=5&ageMax=8`)).items).toHaveLength(0);
    expect((await list(reader, `q=${m}&kind=offer`)).items).toHaveLength(0);
    const detail = (await call(t, 'GET', `/api/forum/posts/${id}`, { cookie: reader.cookie })).json();
    expect(detail).toMatchObject({
      countryCode: 'IT',
      expectedStart: '2027-01-15',
      durationMonths: 6,
      countriesWanted: ['FR', 'IT'],
      mine: false,
      status: 'open',
      replyList: [],
    });
  });

  it('refuses bad input with field errors, and pending teachers', async () => {
    const author = await teacher();
    const bad = await post(author, { ageMin: 15, ageMax: 10, title: 'x', subjects: [], expectedStart: '2027-02-30' });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['ageMax', 'expectedStart', 'subjects', 'title']);
    const pending = await signedUp(t);
    expect((await post(pending)).json().error.code).toBe('ACCOUNT_NOT_VALIDATED');
    expect((await call(t, 'GET', '/api/forum/posts', { cookie: pending.cookie })).statusCode).toBe(403);
  });

  it('replies notify the author; the author closes the post, then replies answer 409', async () => {
    const author = await teacher();
    const reader = await teacher();
    const { id } = (await post(author)).json();
    const reply = await call(t, 'POST', `/api/forum/posts/${id}/replies`, {
      cookie: reader.cookie,
      body: { body: 'Nos interesa: tenemos un grupo de 13 años.' },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await call(t, 'POST', `/api/forum/posts/${id}/replies`, { cookie: reader.cookie, body: { body: 'Y otra idea.' } });
    const notes = (await call(t, 'GET', '/api/notifications', { cookie: author.cookie })).json();
    expect(notes.unread).toBe(1);
    expect(notes.items[0]).toMatchObject({ kind: 'forum_reply', subjectId: id, count: 2, title: expect.any(String) });
    expect(notes.items[0].actor.username).toBe(reader.username);

    const detail = (await call(t, 'GET', `/api/forum/posts/${id}`, { cookie: author.cookie })).json();
    // Reading the post reads the notice.
    expect((await call(t, 'GET', '/api/notifications', { cookie: author.cookie })).json().unread).toBe(0);
    expect(detail.replyList.map((r: { body: string }) => r.body)).toEqual([
      'Nos interesa: tenemos un grupo de 13 años.',
      'Y otra idea.',
    ]);
    expect(detail.mine).toBe(true);

    // The author blocks the replier: their replies leave the author's view.
    await call(t, 'PUT', `/api/blocks/${reader.username}`, { cookie: author.cookie });
    expect((await call(t, 'GET', `/api/forum/posts/${id}`, { cookie: author.cookie })).json().replyList).toEqual([]);
    await call(t, 'DELETE', `/api/blocks/${reader.username}`, { cookie: author.cookie });
    expect((await call(t, 'POST', `/api/forum/posts/${id}/close`, { cookie: reader.cookie })).statusCode).toBe(404);
    expect((await call(t, 'POST', `/api/forum/posts/${id}/close`, { cookie: author.cookie })).statusCode).toBe(204);
    const late = await call(t, 'POST', `/api/forum/posts/${id}/replies`, {
      cookie: reader.cookie,
      body: { body: 'Tarde' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONFLICT');
    expect((await call(t, 'POST', `/api/forum/posts/${id}/close`, { cookie: author.cookie })).statusCode).toBe(409);
    // Closed posts leave the default (open) list but stay readable.
    const m = detail.title;
    expect((await list(reader, `status=closed&mine=false`)).items.some((p) => p.id === id)).toBe(true);
    expect((await list(reader, `q=${encodeURIComponent(m)}`)).items.some((p) => p.id === id)).toBe(false);
  });

  it('hides posts of hidden authors and of people in a block; pages with a cursor', async () => {
    const reader = await teacher();
    const hidden = await teacher();
    const blocker = await teacher();
    const m = marker();
    const { id: hiddenPost } = (await post(hidden, { title: `Hidden ${m}` })).json();
    await post(blocker, { title: `Blocker ${m}` });
    await call(t, 'PUT', `/api/blocks/${reader.username}`, { cookie: blocker.cookie });
    await t.database.db.execute(sql`UPDATE person SET hidden_from_search_at = now() WHERE id = ${hidden.personId}`);
    expect((await list(reader, `q=${m}`)).items).toHaveLength(0);
    expect((await call(t, 'GET', `/api/forum/posts/${hiddenPost}`, { cookie: reader.cookie })).statusCode).toBe(404);
    // Their own posts stay visible to them.
    expect((await list(hidden, `q=${m}&mine=true`)).items.map((p) => p.id)).toEqual([hiddenPost]);

    const author = await teacher();
    const n = marker();
    for (let i = 0; i < 3; i++) await post(author, { title: `Page ${n} ${i}` });
    const first = await list(reader, `q=${n}&limit=2`);
    expect(first.items).toHaveLength(2);
    const second = await list(reader, `q=${n}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(3);
  });
});
