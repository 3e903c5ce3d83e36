import { describe, expect, it } from 'vitest';
import { befriend, call, joinSchool, newSchool, signedUp, validatedTeacher } from '../../../test/support/factories.ts';
import {
  t,
  css,
  nssFr,
  teacherIn,
  schoolOf,
  completeForm,
  get,
  act,
  ok,
  found,
  useProjectsApp,
} from './projects.test-support.ts';

useProjectsApp();

describe('founding a project (R-PRJ-1, R-PRJ-2)', () => {
  it('a pending teacher cannot found (403 ACCOUNT_NOT_VALIDATED); a visitor gets 401', async () => {
    const pending = await signedUp(t);
    const school = await newSchool(t, pending, { countryCode: 'FR' });
    await joinSchool(t, pending, school.id);
    const other = await teacherIn('FR');
    const res = await call(t, 'POST', '/api/projects', {
      cookie: pending.cookie,
      body: { schoolId: school.id, cofounder: other.username, title: 'Un projet' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_NOT_VALIDATED');
    const anonymous = await call(t, 'POST', '/api/projects', {
      body: { schoolId: school.id, cofounder: other.username, title: 'Un projet' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await call(t, 'GET', '/api/projects/mine')).statusCode).toBe(401);
  });

  it('the co-founder must be a contact, validated, at another school; my school must be mine', async () => {
    const a = await teacherIn('FR');
    const stranger = await teacherIn('IT');
    const refused = await call(t, 'POST', '/api/projects', {
      cookie: a.cookie,
      body: { schoolId: await schoolOf(a), cofounder: stranger.username, title: 'Sans contact' },
      lang: 'es',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('PROJECT_NOT_ELIGIBLE');
    expect(refused.json().error.fields.cofounder).toBe('Elige a una persona de tus contactos.');
    // A colleague of the same school, even a contact, cannot co-found.
    const colleague = await validatedTeacher(t, css, { school: { countryCode: 'FR' } });
    const sharedSchool = await schoolOf(colleague);
    await joinSchool(t, a, sharedSchool);
    const aff = (await call(t, 'GET', '/api/me', { cookie: a.cookie })).json().affiliations;
    const pendingId = aff.find((x: { school: { id: string } }) => x.school.id === sharedSchool).id;
    await call(t, 'POST', '/api/validation/decisions', {
      cookie: css.cookie,
      body: { affiliationIds: [pendingId], decision: 'validate' },
    });
    await befriend(t, a, colleague);
    const same = await call(t, 'POST', '/api/projects', {
      cookie: a.cookie,
      body: { schoolId: sharedSchool, cofounder: colleague.username, title: 'Même école' },
    });
    expect(same.statusCode).toBe(422);
    expect(Object.keys(same.json().error.fields)).toEqual(['cofounder']);
    const notMine = await call(t, 'POST', '/api/projects', {
      cookie: stranger.cookie,
      body: { schoolId: sharedSchool, cofounder: a.username, title: 'Pas mon école' },
    });
    expect(notMine.json().error.fields).toHaveProperty('schoolId');
  });

  it('the kind is computed from the two schools and fixed: European across countries, national within one', async () => {
    const fr = await teacherIn('FR');
    const it1 = await teacherIn('IT');
    const fr2 = await teacherIn('FR');
    await befriend(t, fr, it1);
    await befriend(t, fr, fr2);
    expect((await get(fr, await found(fr, it1))).kind).toBe('european');
    const national = await get(fr, await found(fr, fr2));
    expect(national.kind).toBe('national');
    expect(national.state).toBe('draft');
    expect(national.countries).toEqual(['FR']);
    expect(national.myRole).toBe('founder');
  });

  it('a draft autosaves any subset, lists what is missing, and refuses an incomplete submission with the fields', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await found(a, b);
    const first = await get(a, id);
    expect(first.missing).toEqual(
      expect.arrayContaining(['summary', 'languages', 'ageMin', 'pupils', 'subjects', 'aims', 'expectedResults']),
    );
    const early = await act(a, id, 'submit');
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toHaveProperty('summary');
    const saved = await ok(
      await call(t, 'PATCH', `/api/projects/${id}`, { cookie: a.cookie, body: { summary: completeForm.summary } }),
    );
    expect(saved.summary).toBe(completeForm.summary);
    expect(saved.missing).not.toContain('summary');
    const bad = await call(t, 'PATCH', `/api/projects/${id}`, {
      cookie: a.cookie,
      body: { ageMin: 14, ageMax: 10, erasmusReference: 'nope' },
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['ageMax', 'erasmusReference']);
    const ref = await ok(
      await call(t, 'PATCH', `/api/projects/${id}`, {
        cookie: a.cookie,
        body: { ...completeForm, erasmusReference: '2023-1-fr01-ka220-sch-000123456' },
      }),
    );
    expect(ref.erasmusReference).toBe('2023-1-FR01-KA220-SCH-000123456');
    expect(ref.missing).toEqual([]);
    // The co-founder reads the draft being prepared but does not edit it; a stranger does not see it.
    const read = await get(b, id);
    expect(read.abilities).toMatchObject({ edit: false, submit: false, respondAsCofounder: false });
    expect(
      (await call(t, 'PATCH', `/api/projects/${id}`, { cookie: b.cookie, body: { tools: 'Padlet' } })).statusCode,
    ).toBe(403);
    const stranger = await teacherIn('FR');
    expect((await call(t, 'GET', `/api/projects/${id}`, { cookie: stranger.cookie })).statusCode).toBe(404);
    expect((await call(t, 'GET', `/api/projects/${id}`, { cookie: nssFr.cookie })).statusCode).toBe(404);
  });

  it('a forum post prefills the draft', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const post = await call(t, 'POST', '/api/forum/posts', {
      cookie: a.cookie,
      body: {
        kind: 'offer',
        title: 'Herbiers partagés',
        idea: 'Chaque classe fait un herbier et le partage avec la classe partenaire.',
        language: 'fr',
        ageMin: 8,
        ageMax: 10,
        subjects: ['natural_sciences'],
        languages: ['fr', 'it'],
      },
    });
    const res = await call(t, 'POST', '/api/projects', {
      cookie: a.cookie,
      body: { schoolId: await schoolOf(a), cofounder: b.username, fromPostId: post.json().id },
    });
    const p = await get(a, res.json().id);
    expect(p).toMatchObject({
      title: 'Herbiers partagés',
      summary: 'Chaque classe fait un herbier et le partage avec la classe partenaire.',
      ageMin: 8,
      ageMax: 10,
      subjects: ['natural_sciences'],
      languages: ['fr', 'it'],
      fromPostId: post.json().id,
    });
  });
});
