import { describe, expect, it } from 'vitest';
import { befriend, call, officer } from '../../../test/support/factories.ts';
import {
  t,
  css,
  nssFr,
  nssIt,
  teacherIn,
  get,
  act,
  ok,
  awaitingApproval,
  count,
  useProjectsApp,
} from './projects.test-support.ts';

useProjectsApp();

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
