import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import {
  call,
  officer,
  signedUp,
  joinSchool,
  newSchool,
  type Member,
  validatedTeacher,
} from '../../../test/support/factories.ts';

let t: TestContext;
let css: Member;
beforeAll(async () => {
  t = await createTestApp();
  css = await officer(t, 'css_officer');
});
afterAll(() => t.close());

/** A word no other test uses, so each test sees only its own teachers. */
const marker = () => `zq${randomBytes(4).toString('hex')}`;

const teacher = (profile: Record<string, unknown> = {}, school: Record<string, unknown> = {}) =>
  validatedTeacher(t, css, { profile, school });

interface Card {
  username: string;
  school: { countryCode: string };
}
const search = async (m: Member, query: string, path = 'teachers') => {
  const res = await call(t, 'GET', `/api/search/${path}?${query}`, { cookie: m.cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: Card[];
    total: number;
    nextCursor: string | null;
    facets: Record<string, { value: string; count: number }[]>;
  };
};
const names = (r: { items: Card[] }) => r.items.map((i) => i.username).sort();

describe('partner search: free text (R-PF-1)', () => {
  it('"matematicas" finds a teacher of Matemáticas (subject names, accents folded)', async () => {
    const seeker = await teacher();
    const m = marker();
    const maths = await teacher({ subjects: ['mathematics'], presentation: `Aula ${m}` });
    const art = await teacher({ subjects: ['art'], presentation: `Aula ${m}` });
    expect(names(await search(seeker, `q=matematicas ${m}`))).toEqual([maths.username]);
    expect(names(await search(seeker, `q=Matemáticas ${m}`))).toEqual([maths.username]);
    expect(names(await search(seeker, `q=mathematics ${m}`))).toEqual([maths.username]);
    expect(names(await search(seeker, `q=${m}`))).toEqual([maths.username, art.username].sort());
  });

  it('stems in the language of the presentation: "proyectos" finds "proyecto", "projects" finds "project"', async () => {
    const seeker = await teacher();
    const m = marker();
    const es = await teacher({
      presentation: `Busco socios para un proyecto de lectura ${m}`,
      presentationLanguage: 'es',
    });
    const en = await teacher({ presentation: `Looking for a project on climate ${m}`, presentationLanguage: 'en' });
    expect(names(await search(seeker, `q=proyectos ${m}`))).toEqual([es.username]);
    expect(names(await search(seeker, `q=projects ${m}`))).toEqual([en.username]);
    expect(names(await search(seeker, `q=lecturas ${m}`))).toEqual([es.username]);
    // Accents folded both ways: "clímate" still finds "climate".
    expect(names(await search(seeker, `q=clímate ${m}`))).toEqual([en.username]);
  });

  it('finds names without accents and with a typo, and school names and towns', async () => {
    const seeker = await teacher();
    const m = marker();
    const person = await validatedTeacher(t, css, {
      firstName: 'Martín',
      profile: { lastName: `Núñez ${m}` },
      school: { name: `Collège Sainte-Thérèse ${m}`, city: 'Besançon' },
    });
    expect(names(await search(seeker, `q=martin nunez ${m}`))).toEqual([person.username]);
    expect(names(await search(seeker, `q=therese ${m}`))).toEqual([person.username]);
    expect(names(await search(seeker, `q=besancon ${m}`))).toEqual([person.username]);
    // A typo in the name: trigram similarity on names.
    const typo = await search(seeker, `q=${encodeURIComponent(`martn nunez ${m}`)}`);
    expect(names(typo)).toEqual([person.username]);
    // A typo search pages like any other.
    const other = await validatedTeacher(t, css, { firstName: 'Martina', profile: { lastName: `Núñez ${m}` } });
    const first = await search(seeker, `q=${encodeURIComponent(`martn nunez ${m}`)}&limit=1`);
    expect(first.total).toBe(2);
    const second = await search(
      seeker,
      `q=${encodeURIComponent(`martn nunez ${m}`)}&limit=1&cursor=${first.nextCursor}`,
    );
    expect([...names(first), ...names(second)].sort()).toEqual([person.username, other.username].sort());
  });
});

describe('partner search: who can be found (R-PF-1, R-ACC-5)', () => {
  it('never shows pending, inactive, opted-out or anonymised teachers, nor oneself or blocked people', async () => {
    const m = marker();
    const seeker = await teacher({ presentation: m });
    const visible = await teacher({ presentation: m });
    const pending = await signedUp(t);
    await call(t, 'PUT', '/api/me/profile', {
      cookie: pending.cookie,
      body: {
        firstName: 'Pat',
        lastName: 'Pending',
        schoolRole: 'teacher',
        subjects: ['art'],
        languages: ['fr'],
        presentation: m,
        lookingForPartners: true,
        uiLanguage: 'en',
        timeZone: 'Europe/Paris',
      },
    });
    await joinSchool(t, pending, (await newSchool(t, pending)).id);
    const inactive = await teacher({ presentation: m });
    await t.database.db.execute(sql`UPDATE person SET hidden_from_search_at = now() WHERE id = ${inactive.personId}`);
    await teacher({ presentation: m, discoverable: false });
    const anonymised = await teacher({ presentation: m });
    await t.database.db.execute(sql`UPDATE person SET anonymised_at = now() WHERE id = ${anonymised.personId}`);
    const blocker = await teacher({ presentation: m });
    await call(t, 'PUT', `/api/blocks/${seeker.username}`, { cookie: blocker.cookie });
    const blocked = await teacher({ presentation: m });
    await call(t, 'PUT', `/api/blocks/${blocked.username}`, { cookie: seeker.cookie });

    const found = await search(seeker, `q=${m}`);
    expect(names(found)).toEqual([visible.username]);
    expect(found.total).toBe(1);
    // Signing in again brings the inactive one back.
    await t.database.db.execute(sql`UPDATE person SET hidden_from_search_at = NULL WHERE id = ${inactive.personId}`);
    expect(names(await search(seeker, `q=${m}`))).toEqual([visible.username, inactive.username].sort());
  });

  it('is for validated members only', async () => {
    const pending = await signedUp(t);
    const res = await call(t, 'GET', '/api/search/teachers?q=x', { cookie: pending.cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_NOT_VALIDATED');
    expect((await call(t, 'GET', '/api/search/teachers')).statusCode).toBe(401);
  });
});

describe('partner search: facets and pages', () => {
  it('filters by several countries, ages, languages, subjects, school type and partner-seeking, with counts', async () => {
    const seeker = await teacher();
    const m = marker();
    const fr = await teacher(
      { presentation: m, languages: ['fr', 'en'], subjects: ['history'], lookingForPartners: true },
      { countryCode: 'FR', ageMin: 12, ageMax: 15, levels: ['lower_secondary'] },
    );
    const it1 = await teacher(
      { presentation: m, languages: ['it'], subjects: ['history', 'art'], lookingForPartners: false },
      { countryCode: 'IT', ageMin: 6, ageMax: 10, levels: ['primary'] },
    );
    const pl = await teacher(
      { presentation: m, languages: ['pl', 'en'], subjects: ['music'], lookingForPartners: true },
      { countryCode: 'PL', ageMin: 14, ageMax: 18, levels: ['upper_secondary'] },
    );
    const all = await search(seeker, `q=${m}`);
    expect(all.total).toBe(3);
    expect(all.facets.country).toEqual(
      expect.arrayContaining([
        { value: 'FR', count: 1 },
        { value: 'IT', count: 1 },
        { value: 'PL', count: 1 },
      ]),
    );
    expect(all.facets.language).toContainEqual({ value: 'en', count: 2 });
    expect(all.facets.subject).toContainEqual({ value: 'history', count: 2 });
    expect(all.facets.looking).toContainEqual({ value: 'true', count: 2 });
    expect(all.facets.category).toEqual([{ value: 'eu_member', count: 3 }]);

    expect(names(await search(seeker, `q=${m}&country=FR&country=PL`))).toEqual([fr.username, pl.username].sort());
    expect(names(await search(seeker, `q=${m}&ageMin=11&ageMax=13`))).toEqual([fr.username]); // overlap
    expect(names(await search(seeker, `q=${m}&ageMin=10&ageMax=14`))).toEqual(
      [fr.username, it1.username, pl.username].sort(),
    );
    expect(names(await search(seeker, `q=${m}&language=en`))).toEqual([fr.username, pl.username].sort());
    expect(names(await search(seeker, `q=${m}&subject=history&looking=true`))).toEqual([fr.username]);
    expect(names(await search(seeker, `q=${m}&schoolType=primary`))).toEqual([it1.username]);
    const narrowed = await search(seeker, `q=${m}&language=en`);
    expect(narrowed.facets.country!.map((f) => f.value).sort()).toEqual(['FR', 'PL']);
  });

  it('filters by recent activity', async () => {
    const seeker = await teacher();
    const m = marker();
    const recent = await teacher({ presentation: m });
    const old = await teacher({ presentation: m });
    await t.database.db.execute(
      sql`UPDATE person SET last_sign_in_at = now() - interval '8 months' WHERE id = ${old.personId}`,
    );
    expect(names(await search(seeker, `q=${m}&activeMonths=6`))).toEqual([recent.username]);
    // Most recently active first when relevance is equal.
    expect((await search(seeker, `q=${m}`)).items.map((i) => i.username)).toEqual([recent.username, old.username]);
  });

  it('pages with a cursor: every result once, in order; a forged cursor is refused', async () => {
    const seeker = await teacher();
    const m = marker();
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await teacher({ presentation: m })).username);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(seeker, `q=${m}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((i) => i.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(made.sort());
    const bad = await call(t, 'GET', '/api/search/teachers?cursor=bm9wZQ', { cookie: seeker.cookie });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toEqual({ cursor: expect.any(String) });
    const badCountry = await call(t, 'GET', '/api/search/teachers?country=France', { cookie: seeker.cookie });
    expect(badCountry.statusCode).toBe(422);
  });
});

describe('school search', () => {
  it('finds schools with findable teachers by name or town without accents, with facets and pages', async () => {
    const seeker = await teacher();
    const m = marker();
    const a = await teacher({}, { name: `Lycée Émile Zola ${m}`, city: 'Orléans', countryCode: 'FR' });
    await teacher({}, { name: `Liceo Dante ${m}`, city: 'Firenze', countryCode: 'IT', levels: ['upper_secondary'] });
    // A school whose only teacher is pending is not listed.
    const pending = await signedUp(t);
    await joinSchool(t, pending, (await newSchool(t, pending, { name: `École cachée ${m}` })).id);

    const r = await search(seeker, `q=${m}`, 'schools');
    expect(r.items.map((s) => (s as unknown as { name: string }).name).sort()).toEqual(
      [`Liceo Dante ${m}`, `Lycée Émile Zola ${m}`].sort(),
    );
    expect(r.facets.country).toEqual(
      expect.arrayContaining([
        { value: 'FR', count: 1 },
        { value: 'IT', count: 1 },
      ]),
    );
    const byTown = await search(seeker, `q=orleans&country=FR`, 'schools');
    const zola = byTown.items.find((s) => (s as unknown as { name: string }).name.includes(m)) as unknown as {
      teachers: { username: string }[];
    };
    expect(zola.teachers.map((x) => x.username)).toEqual([a.username]);
    const italian = await search(seeker, `q=${m}&schoolType=upper_secondary`, 'schools');
    expect(italian.total).toBe(1);
    // Teachers' filters apply to the teachers that make a school findable.
    expect((await search(seeker, `q=${m}&language=it`, 'schools')).total).toBe(0);
    expect((await search(seeker, `q=${m}&language=es`, 'schools')).total).toBe(2);
    const first = await search(seeker, `q=${m}&limit=1`, 'schools');
    const second = await search(seeker, `q=${m}&limit=1&cursor=${first.nextCursor}`, 'schools');
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items]).toHaveLength(2);
  });
});
