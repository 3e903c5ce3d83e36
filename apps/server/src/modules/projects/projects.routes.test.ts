import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import {
  befriend,
  call,
  grant,
  PASSWORD,
  joinSchool,
  lastMailTo,
  newSchool,
  officer,
  signedUp,
  type Member,
  validatedTeacher,
} from '../../../test/support/factories.ts';

let t: TestContext;
let css: Member;
let nssEs: Member;
let nssFr: Member;
let nssIt: Member;
let coordAndalucia: Member;
beforeAll(async () => {
  t = await createTestApp();
  css = await officer(t, 'css_officer');
  nssEs = await officer(t, 'nss_officer', 'ES');
  nssFr = await officer(t, 'nss_officer', 'FR');
  nssIt = await officer(t, 'nss_officer', 'IT');
  coordAndalucia = await officer(t, 'regional_coordinator', 'ES', 'ES-AN');
});
afterAll(() => t.close());

const teacherIn = (countryCode: string, o: Parameters<typeof validatedTeacher>[2] = {}) =>
  validatedTeacher(t, css, {
    ...o,
    school: { countryCode, ...(countryCode === 'ES' ? { regionCode: 'ES-AN', city: 'Granada' } : {}), ...o.school },
    coordinator: countryCode === 'ES' ? coordAndalucia : undefined,
  });

const schoolOf = async (m: Member) =>
  (await call(t, 'GET', '/api/me', { cookie: m.cookie })).json().affiliations[0].school.id as string;

const completeForm = {
  summary: 'Alumnado de dos países escribe cuentos y los intercambia cada mes.',
  languages: ['es', 'fr'],
  ageMin: 10,
  ageMax: 12,
  pupils: 48,
  subjects: ['foreign_languages'],
  tools: 'TwinSpace, videoconferencia',
  aims: 'Escribir en la lengua del otro y conocer su ciudad.',
  workProcess: 'Cada mes un cuento por grupo; comentarios cruzados.',
  expectedResults: 'Un libro digital de cuentos bilingües.',
};

/** Founds a draft with a contact as co-founder; returns its id. */
async function found(a: Member, b: Member, title = 'Cuentos cruzados') {
  const res = await call(t, 'POST', '/api/projects', {
    cookie: a.cookie,
    body: { schoolId: await schoolOf(a), cofounder: b.username, title },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const get = async (m: Member, id: string) => {
  const res = await call(t, 'GET', `/api/projects/${id}`, { cookie: m.cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const act = (m: Member, id: string, action: string, body?: unknown) =>
  call(t, 'POST', `/api/projects/${id}/${action}`, { cookie: m.cookie, body: body ?? {} });
const ok = async (res: Awaited<ReturnType<typeof act>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A complete project submitted and accepted: awaiting the approvals. */
async function awaitingApproval(a: Member, b: Member, title?: string) {
  const id = await found(a, b, title);
  await ok(await call(t, 'PATCH', `/api/projects/${id}`, { cookie: a.cookie, body: completeForm }));
  await ok(await act(a, id, 'submit'));
  await ok(await act(b, id, 'accept'));
  return id;
}

async function count(query: string, params: unknown[]) {
  const res = await t.database.pool.query(query, params);
  return Number(res.rows[0].n);
}

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

describe('the lifecycle (R-PRJ-3)', () => {
  it('Spain (with its region) and France: one approval alone never activates; the last one creates the TwinSpace', async () => {
    const es = await teacherIn('ES', { uiLanguage: 'es' });
    const fr = await teacherIn('FR', { uiLanguage: 'en' });
    await befriend(t, es, fr);
    const id = await found(es, fr, 'Cuentos de dos orillas');
    await ok(await call(t, 'PATCH', `/api/projects/${id}`, { cookie: es.cookie, body: completeForm }));
    const submitted = await ok(await act(es, id, 'submit'));
    expect(submitted.state).toBe('awaiting_partner');
    expect(submitted.awaited).toEqual([
      expect.objectContaining({ kind: 'cofounder', person: expect.objectContaining({ username: fr.username }) }),
    ]);
    const invite = await lastMailTo(t, fr.email);
    expect(invite?.subject).toContain('proposes founding a project');
    const asCofounder = await get(fr, id);
    expect(asCofounder.myRole).toBe('cofounder_awaited');
    expect(asCofounder.abilities.respondAsCofounder).toBe(true);

    const accepted = await ok(await act(fr, id, 'accept'));
    expect(accepted.state).toBe('awaiting_approval');
    expect(accepted.countries).toEqual(['ES', 'FR']);
    expect(accepted.awaited.map((s: { kind: string; countryCode: string }) => `${s.kind}:${s.countryCode}`)).toEqual([
      'region:ES',
      'nss:FR',
    ]);
    expect(accepted.awaited[0].regionName).toBe('Andalusia');
    // The NSS of Spain waits for the region; the coordinator was told, in their language.
    const early = await act(nssEs, id, 'approve');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ state: 'awaiting_approval' });
    expect((await get(nssEs, id)).abilities.approve).toEqual([]);
    expect((await lastMailTo(t, coordAndalucia.email))?.subject).toContain('Cuentos de dos orillas');

    const consented = await ok(await act(coordAndalucia, id, 'consent'));
    expect(consented.awaited.map((s: { kind: string }) => s.kind)).toEqual(['nss', 'nss']);
    expect((await get(nssEs, id)).abilities.approve).toEqual(['ES']);

    const one = await ok(await act(nssFr, id, 'approve'));
    expect(one.state).toBe('awaiting_approval');
    expect(one.twinspace).toBeNull();
    expect(one.awaited).toEqual([expect.objectContaining({ kind: 'nss', countryCode: 'ES' })]);
    const again = await act(nssFr, id, 'approve');
    expect(again.statusCode).toBe(409);

    const active = await ok(await act(nssEs, id, 'approve'));
    expect(active.state).toBe('active');
    expect(active.awaited).toEqual([]);
    expect(active.twinspace).not.toBeNull();
    expect(active.activatedAt).not.toBeNull();
    expect(active.members.map((m: { role: string }) => m.role)).toEqual(['founder', 'founder']);
    const admins = await t.database.pool.query(
      `SELECT m.person_id FROM twinspace_member m JOIN twinspace s ON s.id = m.twinspace_id
       WHERE s.project_id = $1 AND m.role = 'teacher_admin' ORDER BY m.person_id`,
      [id],
    );
    expect(admins.rows.map((r) => r.person_id).sort()).toEqual([es.personId, fr.personId].sort());
    // Every transition wrote its domain event and audit row.
    const events = await t.database.pool.query('SELECT name FROM domain_event WHERE subject_id = $1 ORDER BY id', [id]);
    expect(events.rows.map((r) => r.name)).toEqual([
      'project.founded',
      'project.submitted',
      'project.cofounder_accepted',
      'project.region_consented',
      'project.approved',
      'project.approved',
      'project.activated',
    ]);
    expect(await count(`SELECT count(*) AS n FROM audit_entry WHERE subject_id = $1`, [id])).toBe(7);
    // The founders were told, each in their language.
    expect((await lastMailTo(t, es.email))?.subject).toBe('«Cuentos de dos orillas» está activo');
    expect((await lastMailTo(t, fr.email))?.subject).toBe('“Cuentos de dos orillas” is active');
    const notices = (await call(t, 'GET', '/api/notifications', { cookie: es.cookie })).json().items;
    expect(notices[0]).toMatchObject({ kind: 'project_activated', subjectId: id, title: 'Cuentos de dos orillas' });
  });

  it('a national project needs its one NSS', async () => {
    const a = await teacherIn('IT');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await awaitingApproval(a, b);
    const p = await get(a, id);
    expect(p.kind).toBe('national');
    expect(p.steps.map((s: { countryCode: string }) => s.countryCode)).toEqual(['IT']);
    expect((await act(nssFr, id, 'approve')).statusCode).toBe(404);
    expect((await ok(await act(nssIt, id, 'approve'))).state).toBe('active');
  });

  it('illegal transitions answer 409 with the current state; the others are refused by role', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await found(a, b);
    expect((await act(nssFr, id, 'approve')).statusCode).toBe(404); // a draft is the founders' own
    expect((await act(a, id, 'close')).json().error.details).toEqual({ state: 'draft' });
    await ok(await call(t, 'PATCH', `/api/projects/${id}`, { cookie: a.cookie, body: completeForm }));
    await ok(await act(a, id, 'submit'));
    const twice = await act(a, id, 'submit');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'CONFLICT', details: { state: 'awaiting_partner' } });
    expect((await act(a, id, 'accept')).statusCode).toBe(403); // only the co-founder answers
    expect(
      (await call(t, 'PATCH', `/api/projects/${id}`, { cookie: a.cookie, body: { tools: 'Padlet' } })).statusCode,
    ).toBe(409);
    // Declining sends it back to the drafts.
    expect((await ok(await act(b, id, 'decline'))).state).toBe('draft');
    expect((await act(b, id, 'decline')).json().error.details).toEqual({ state: 'draft' });
    await ok(await act(a, id, 'submit'));
    await ok(await act(b, id, 'accept'));
    expect((await act(b, id, 'accept')).json().error.details).toEqual({ state: 'awaiting_approval' });
    expect((await act(a, id, 'approve')).statusCode).toBe(403); // a founder is no officer
    const noReason = await act(nssFr, id, 'reject', { reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    // Rejection by one NSS, with a reason; the way back: edit (back to draft) and submit again.
    await ok(await act(nssIt, id, 'approve'));
    const rejected = await ok(await act(nssFr, id, 'reject', { reason: 'Le nombre d’élèves manque de précision.' }));
    expect(rejected.state).toBe('rejected');
    const seen = await get(a, id);
    expect(seen.rejection).toMatchObject({ reason: 'Le nombre d’élèves manque de précision.', countryCode: 'FR' });
    expect(seen.abilities.edit).toBe(true);
    expect((await act(a, id, 'submit')).json().error.details).toEqual({ state: 'rejected' });
    const edited = await ok(await call(t, 'PATCH', `/api/projects/${id}`, { cookie: a.cookie, body: { pupils: 52 } }));
    expect(edited).toMatchObject({ state: 'draft', pupils: 52, steps: [] });
    await ok(await act(a, id, 'submit'));
    const back = await ok(await act(b, id, 'accept'));
    // Every approval starts afresh, Italy's too.
    expect(back.awaited.map((s: { countryCode: string }) => s.countryCode)).toEqual(['FR', 'IT']);
    expect(back.steps.every((s: { approvedAt: string | null }) => s.approvedAt === null)).toBe(true);
  });

  it('two NSS officers approving at the same instant give exactly one activation and one TwinSpace', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await awaitingApproval(a, b);
    const secondFr = await officer(t, 'nss_officer', 'FR');
    const answers = await Promise.all([
      act(nssFr, id, 'approve'),
      act(nssIt, id, 'approve'),
      act(secondFr, id, 'approve'),
    ]);
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 409]); // the two countries approve; France's second officer finds it done
    expect(await count(`SELECT count(*) AS n FROM twinspace WHERE project_id = $1`, [id])).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM domain_event WHERE subject_id = $1 AND name = 'project.activated'`, [id]),
    ).toBe(1);
    expect((await get(a, id)).state).toBe('active');
  });
});

describe('membership (R-PRJ-4), closing and archiving', () => {
  it('partners join from contacts; countries are derived; founders stay; a closed project is read-only', async () => {
    const es = await teacherIn('FR');
    const fr = await teacherIn('PL');
    await befriend(t, es, fr);
    const id = await awaitingApproval(es, fr);
    await ok(await act(nssFr, id, 'approve'));
    const nssPl = await officer(t, 'nss_officer', 'PL');
    await ok(await act(nssPl, id, 'approve'));
    const italian = await teacherIn('IT');
    const stranger = await teacherIn('IT');
    const notContact = await call(t, 'POST', `/api/projects/${id}/invitations`, {
      cookie: fr.cookie,
      body: { username: stranger.username },
    });
    expect(notContact.statusCode).toBe(422);
    expect(notContact.json().error.fields).toHaveProperty('username');
    await befriend(t, fr, italian);
    const inv = await call(t, 'POST', `/api/projects/${id}/invitations`, {
      cookie: fr.cookie,
      body: { username: italian.username },
    });
    expect(inv.statusCode, inv.body).toBe(201);
    const twice = await call(t, 'POST', `/api/projects/${id}/invitations`, {
      cookie: fr.cookie,
      body: { username: italian.username },
    });
    expect(twice.statusCode).toBe(409);
    const mine = (await call(t, 'GET', '/api/projects/mine', { cookie: italian.cookie })).json();
    expect(mine.invitations).toEqual([
      expect.objectContaining({ id: inv.json().id, project: expect.objectContaining({ id }) }),
    ]);
    expect((await get(italian, id)).abilities.invitationId).toBe(inv.json().id);
    const joined = await call(t, 'POST', `/api/project-invitations/${inv.json().id}/accept`, {
      cookie: italian.cookie,
      body: {},
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().countries).toEqual(['FR', 'IT', 'PL']);
    expect(joined.json().myRole).toBe('partner');
    expect(
      await count(
        `SELECT count(*) AS n FROM twinspace_member m JOIN twinspace s ON s.id = m.twinspace_id WHERE s.project_id = $1 AND m.role = 'teacher_member'`,
        [id],
      ),
    ).toBe(1);
    // Founders cannot be removed nor leave; a partner can.
    const removeFounder = await call(t, 'DELETE', `/api/projects/${id}/members/${fr.username}`, { cookie: es.cookie });
    expect(removeFounder.statusCode).toBe(409);
    expect((await act(es, id, 'leave')).statusCode).toBe(409);
    expect(
      (await call(t, 'DELETE', `/api/projects/${id}/members/${es.username}`, { cookie: italian.cookie })).statusCode,
    ).toBe(403);
    expect((await act(italian, id, 'leave')).statusCode).toBe(204);
    expect((await get(es, id)).countries).toEqual(['FR', 'PL']);
    // Closing: read-only from then on.
    expect((await act(italian, id, 'close')).statusCode).toBe(404); // a former partner no longer sees it
    expect((await ok(await act(fr, id, 'close'))).state).toBe('closed');
    for (const res of [
      await call(t, 'POST', `/api/projects/${id}/invitations`, { cookie: es.cookie, body: { username: fr.username } }),
      await call(t, 'PATCH', `/api/projects/${id}`, { cookie: es.cookie, body: { tools: 'Padlet' } }),
      await act(es, id, 'close'),
      await act(es, id, 'leave'),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.details).toEqual({ state: 'closed' });
    }
    // The archiving job: closed for more than N months → archived.
    const { archiveClosedProjects } = await import('./projects.service.ts');
    const later = new Date(Date.now() + 13 * 30 * 86_400_000);
    expect(await archiveClosedProjects({ ...t.app.ctx, now: () => new Date() }, 12)).toBe(0);
    expect(await archiveClosedProjects({ ...t.app.ctx, now: () => later }, 12)).toBeGreaterThanOrEqual(1);
    expect((await get(es, id)).state).toBe('archived');
  });
});

describe('queues and the gallery (R-PRJ-3 tracker, R-PRJ-5)', () => {
  it('each NSS sees its country’s queue with waiting times; teachers get 403', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await awaitingApproval(a, b, 'File d’attente');
    const queueRes = await call(t, 'GET', '/api/project-queue', { cookie: nssFr.cookie });
    expect(queueRes.statusCode, queueRes.body).toBe(200);
    const queue = queueRes.json();
    const item = queue.items.find((i: { project: { id: string } }) => i.project.id === id);
    expect(item).toMatchObject({ step: { kind: 'nss', countryCode: 'FR' }, waitingDays: 0, canDecide: true });
    expect(item.otherSteps).toEqual([expect.objectContaining({ countryCode: 'IT', approvedAt: null })]);
    expect(item.founders.map((f: { person: { username: string } }) => f.person.username).sort()).toEqual(
      [a.username, b.username].sort(),
    );
    expect(queue.total).toBeGreaterThanOrEqual(1);
    expect(queue.items.every((i: { step: { countryCode: string } }) => i.step.countryCode === 'FR')).toBe(true);
    expect((await call(t, 'GET', '/api/project-queue', { cookie: a.cookie })).statusCode).toBe(403);
    const all = (await call(t, 'GET', '/api/project-queue?limit=1', { cookie: css.cookie })).json();
    expect(all.items).toHaveLength(1);
    expect(all.items[0].canDecide).toBe(false); // the CSS reads every queue but decides none
    expect(all.nextCursor).not.toBeNull();
    const bad = await call(t, 'GET', '/api/project-queue?cursor=bad', { cookie: css.cookie });
    expect(bad.statusCode).toBe(422);
  });

  it('the gallery lists active public projects with filters and text; names only for members; founders can hide it', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await awaitingApproval(a, b, 'Les herbiers voyageurs');
    expect((await call(t, 'GET', `/api/gallery/${id}`)).statusCode).toBe(404); // not yet active
    await ok(await act(nssFr, id, 'approve'));
    await ok(await act(nssIt, id, 'approve'));
    const found = (await call(t, 'GET', '/api/gallery?q=herbiers&country=IT')).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(id);
    const card = found.items.find((i: { id: string }) => i.id === id);
    expect(card).toMatchObject({ kind: 'european', state: 'active', countries: ['FR', 'IT'], schools: 2, ageMin: 10 });
    expect((await call(t, 'GET', '/api/gallery?q=herbiers&country=PL')).json().items).toEqual([]);
    expect((await call(t, 'GET', '/api/gallery?q=herbiers&ageMin=15')).json().items).toEqual([]);
    expect((await call(t, 'GET', '/api/gallery?q=herbiers&kind=national')).json().items).toEqual([]);
    const page = (await call(t, 'GET', `/api/gallery/${id}`)).json();
    expect(page.schoolList).toHaveLength(2);
    expect(page.schoolList.every((s: { teachers: unknown }) => s.teachers === null)).toBe(true);
    expect(JSON.stringify(page)).not.toContain(a.username);
    const asMember = (await call(t, 'GET', `/api/gallery/${id}`, { cookie: b.cookie })).json();
    expect(
      asMember.schoolList
        .flatMap((s: { teachers: { username: string }[] }) => s.teachers.map((x) => x.username))
        .sort(),
    ).toEqual([a.username, b.username].sort());
    const map = await call(t, 'GET', `/api/gallery/${id}/map.svg`, { lang: 'es' });
    expect(map.headers['content-type']).toContain('image/svg+xml');
    expect(map.body).toContain('data-code="IT"');
    expect(map.body).toContain('Italia');
    const hidden = await call(t, 'PUT', `/api/projects/${id}/listed`, { cookie: a.cookie, body: { listed: false } });
    expect(hidden.json().listed).toBe(false);
    expect((await call(t, 'GET', `/api/gallery/${id}`)).statusCode).toBe(404);
    expect(
      (await call(t, 'GET', '/api/gallery?q=herbiers')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    expect(
      (await call(t, 'PUT', `/api/projects/${id}/listed`, { cookie: nssFr.cookie, body: { listed: true } })).statusCode,
    ).toBe(403);
    expect((await call(t, 'GET', '/api/gallery?ageMin=30')).statusCode).toBe(422);
  });
});

describe('who decides, and what survives (review cases)', () => {
  it('the CSS reads but does not approve; an officer never decides on a project of their own', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await awaitingApproval(a, b);
    const seen = await get(css, id);
    expect(seen.abilities.approve).toEqual([]);
    expect((await act(css, id, 'approve', { countryCode: 'FR' })).statusCode).toBe(403);
    // A founder who is also the NSS officer of their country.
    await grant(t, a, 'nss_officer', 'FR');
    const relogged = await get(a, id);
    expect(relogged.abilities.approve).toEqual([]);
    expect((await act(a, id, 'approve', { countryCode: 'FR' })).statusCode).toBe(403);
  });

  it('a country that approved cannot reject afterwards', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await awaitingApproval(a, b);
    await ok(await act(nssFr, id, 'approve'));
    const late = await act(nssFr, id, 'reject', { reason: 'Finalement non.' });
    expect(late.statusCode).toBe(409);
    expect((await get(a, id)).state).toBe('awaiting_approval');
  });

  it('a national project across two regions waits for both regions, then one NSS approval', async () => {
    const coordMadrid = await officer(t, 'regional_coordinator', 'ES', 'ES-MD');
    const granada = await teacherIn('ES');
    const madrid = await validatedTeacher(t, css, {
      school: { countryCode: 'ES', regionCode: 'ES-MD', city: 'Madrid' },
      coordinator: coordMadrid,
    });
    await befriend(t, granada, madrid);
    const id = await awaitingApproval(granada, madrid);
    const p = await get(granada, id);
    expect(p.kind).toBe('national');
    expect(p.awaited.map((s: { kind: string; regionName: string }) => `${s.kind}:${s.regionName}`)).toEqual([
      'region:Andalusia',
      'region:Community of Madrid',
    ]);
    await ok(await act(coordAndalucia, id, 'consent'));
    expect((await act(nssEs, id, 'approve')).statusCode).toBe(409);
    await ok(await act(coordMadrid, id, 'consent'));
    expect((await get(nssEs, id)).abilities.approve).toEqual(['ES']);
    expect((await ok(await act(nssEs, id, 'approve'))).state).toBe('active');
  });

  it('a closed project refuses every write with 409, the gallery switch too', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const id = await awaitingApproval(a, b);
    await ok(await act(nssFr, id, 'approve'));
    await ok(await act(nssIt, id, 'approve'));
    await ok(await act(a, id, 'close'));
    for (const res of [
      await call(t, 'PUT', `/api/projects/${id}/listed`, { cookie: a.cookie, body: { listed: false } }),
      await call(t, 'PATCH', `/api/projects/${id}`, { cookie: b.cookie, body: { tools: 'Padlet' } }),
      await call(t, 'DELETE', `/api/projects/${id}/members/${b.username}`, { cookie: a.cookie }),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.details).toEqual({ state: 'closed' });
    }
  });

  it('deleted accounts: a creator’s unfinished project goes; an active one keeps its schools; an invitation survives its inviter', async () => {
    const a = await teacherIn('FR');
    const b = await teacherIn('IT');
    await befriend(t, a, b);
    const unfinished = await found(a, b, 'Inachevé');
    const active = await awaitingApproval(a, b, 'Actif');
    await ok(await act(nssFr, active, 'approve'));
    await ok(await act(nssIt, active, 'approve'));
    const pl = await teacherIn('PL');
    await befriend(t, b, pl);
    const inv = await call(t, 'POST', `/api/projects/${active}/invitations`, {
      cookie: b.cookie,
      body: { username: pl.username },
    });
    expect(inv.statusCode).toBe(201);
    const del = await call(t, 'POST', '/api/me/delete', { cookie: a.cookie, body: { password: PASSWORD } });
    expect(del.statusCode, del.body).toBeLessThan(300);
    expect(await count(`SELECT count(*) AS n FROM project WHERE id = $1`, [unfinished])).toBe(0);
    const after = await get(b, active);
    expect(after.countries).toEqual(['FR', 'IT']);
    expect(after.members.map((m: { person: { username: string } }) => m.person.username)).toEqual([b.username]);
    const del2 = await call(t, 'POST', '/api/me/delete', { cookie: b.cookie, body: { password: PASSWORD } });
    expect(del2.statusCode, del2.body).toBeLessThan(300);
    const joined = await call(t, 'POST', `/api/project-invitations/${inv.json().id}/accept`, {
      cookie: pl.cookie,
      body: {},
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().countries).toEqual(['FR', 'IT', 'PL']);
  });

  it('a forged queue cursor is a 422 on the cursor field', async () => {
    const cursor = Buffer.from(JSON.stringify(['1', '00000000-0000-4000-8000-000000000000', 'FR', 0])).toString(
      'base64url',
    );
    const res = await call(t, 'GET', `/api/project-queue?cursor=${cursor}`, { cookie: nssFr.cookie });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toHaveProperty('cursor');
  });
});
