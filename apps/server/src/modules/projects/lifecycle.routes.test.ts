import { describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  grant,
  PASSWORD,
  lastMailTo,
  officer,
  validatedTeacher,
} from '../../../test/support/factories.ts';
import {
  t,
  css,
  nssEs,
  nssFr,
  nssIt,
  coordAndalucia,
  teacherIn,
  completeForm,
  get,
  act,
  ok,
  found,
  awaitingApproval,
  count,
  useProjectsApp,
} from './projects.test-support.ts';

useProjectsApp();

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
