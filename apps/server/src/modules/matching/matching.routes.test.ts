import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, officer, type Member, validatedTeacher } from '../../../test/support/factories.ts';

let t: TestContext;
let css: Member;
// A Wednesday in January: Rome and Paris UTC+1, Baku UTC+4.
const now = new Date('2027-01-13T10:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  css = await officer(t, 'css_officer');
});
afterAll(() => t.close());

interface Suggestion {
  teacher: { username: string };
  score: number;
  reasons: { kind: string; [k: string]: unknown }[];
}
const suggestions = async (m: Member, path = '/api/suggestions?limit=50') => {
  const res = await call(t, 'GET', path, { cookie: m.cookie });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Suggestion[] }).items;
};

describe('suggested partners (R-PF-4)', () => {
  it('ranks same ages + same language + common school hours above a candidate without overlap, and says why', async () => {
    const seeker = await validatedTeacher(t, css, {
      profile: { languages: ['fr', 'it'], subjects: ['history'], timeZone: 'Europe/Rome' },
      school: { countryCode: 'IT', ageMin: 12, ageMax: 14, levels: ['lower_secondary'] },
    });
    const good = await validatedTeacher(t, css, {
      profile: { languages: ['fr'], subjects: ['history'], timeZone: 'Europe/Paris' },
      school: { countryCode: 'FR', ageMin: 11, ageMax: 15, levels: ['lower_secondary'] },
    });
    const far = await validatedTeacher(t, css, {
      profile: { languages: ['az'], subjects: ['music'], timeZone: 'Asia/Baku' },
      school: { countryCode: 'AZ', ageMin: 16, ageMax: 18, levels: ['upper_secondary'] },
    });
    const items = await suggestions(seeker);
    const rank = (m: Member) => items.findIndex((s) => s.teacher.username === m.username);
    expect(rank(good)).toBeGreaterThanOrEqual(0);
    const top = items[rank(good)]!;
    const farRank = rank(far);
    if (farRank >= 0) expect(farRank).toBeGreaterThan(rank(good));
    expect(top.reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['ages', 'languages', 'school_time', 'subjects']),
    );
    expect(top.reasons).toContainEqual({ kind: 'ages', min: 12, max: 14 });
    expect(top.reasons).toContainEqual({ kind: 'languages', codes: ['fr'] });
    const time = top.reasons.find((r) => r.kind === 'school_time')!;
    expect(time.hoursPerWeek).toBe(30); // same time zone offset in January, same default day
    expect(time.days).toEqual([1, 2, 3, 4, 5]);
    expect(top.score).toBeGreaterThan(80);
  });

  it('does not suggest contacts, oneself or colleagues of the same school', async () => {
    const seeker = await validatedTeacher(t, css, { profile: { languages: ['it'] }, school: { countryCode: 'IT' } });
    const contact = await validatedTeacher(t, css, { profile: { languages: ['it'] }, school: { countryCode: 'IT' } });
    const req = await call(t, 'POST', '/api/contacts/requests', {
      cookie: seeker.cookie,
      body: { username: contact.username },
    });
    expect((await suggestions(seeker)).some((s) => s.teacher.username === contact.username)).toBe(true);
    await call(t, 'POST', `/api/contacts/requests/${req.json().id}/accept`, { cookie: contact.cookie });
    const after = await suggestions(seeker);
    expect(after.some((s) => s.teacher.username === contact.username)).toBe(false);
    expect(after.some((s) => s.teacher.username === seeker.username)).toBe(false);
  });

  it('suggests partners for a forum post from the wanted countries, to its author only', async () => {
    const author = await validatedTeacher(t, css, { school: { countryCode: 'FR' } });
    const pl = await validatedTeacher(t, css, {
      profile: { languages: ['en', 'pl'] },
      school: { countryCode: 'PL', ageMin: 10, ageMax: 12 },
    });
    const { id } = (
      await call(t, 'POST', '/api/forum/posts', {
        cookie: author.cookie,
        body: {
          kind: 'offer',
          title: 'English e-pals',
          idea: 'Pupils aged 10 to 12 write to each other in English.',
          language: 'en',
          ageMin: 10,
          ageMax: 12,
          subjects: ['foreign_languages'],
          languages: ['en'],
          countriesWanted: ['PL'],
        },
      })
    ).json();
    const items = await suggestions(author, `/api/forum/posts/${id}/suggestions?limit=50`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.teacher.username !== author.username)).toBe(true);
    const mine = items.find((s) => s.teacher.username === pl.username)!;
    expect(mine.reasons).toContainEqual({ kind: 'languages', codes: ['en'] });
    const other = await call(t, 'GET', `/api/forum/posts/${id}/suggestions`, { cookie: pl.cookie });
    expect(other.statusCode).toBe(403);
  });
});
