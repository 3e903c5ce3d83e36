import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import {
  call,
  grant,
  joinSchool,
  lastMailTo,
  newSchool,
  officer,
  regionId,
  signedUp,
  tokenIn,
  type Member,
} from '../../../test/support/factories.ts';

let t: TestContext;
let css: Member, nssFr: Member, nssEs: Member, coordAndalucia: Member, coordMadrid: Member;
beforeAll(async () => {
  t = await createTestApp();
  css = await officer(t, 'css_officer');
  nssFr = await officer(t, 'nss_officer', 'FR');
  nssEs = await officer(t, 'nss_officer', 'ES');
  coordAndalucia = await officer(t, 'regional_coordinator', 'ES', 'ES-AN');
  coordMadrid = await officer(t, 'regional_coordinator', 'ES', 'ES-MD');
});
afterAll(() => t.close());

const me = async (m: Member) => (await call(t, 'GET', '/api/me', { cookie: m.cookie })).json();
const decide = (m: Member, ids: string[], decision: 'validate' | 'reject', reason?: string, lang: 'es' | 'en' = 'en') =>
  call(t, 'POST', '/api/validation/decisions', {
    cookie: m.cookie,
    body: { affiliationIds: ids, decision, reason },
    lang,
  });

describe('validation by the national support service (R-ACC-3)', () => {
  it('keeps a new teacher pending: eTwinner actions answer 403 ACCOUNT_NOT_VALIDATED until the NSS validates', async () => {
    const teacher = await signedUp(t, { uiLanguage: 'es' });
    const colleague = await signedUp(t);
    const school = await newSchool(t, teacher, { countryCode: 'FR' });
    const affiliation = await joinSchool(t, teacher, school.id);
    expect((await me(teacher)).affiliations[0]).toMatchObject({
      id: affiliation,
      status: 'pending',
      regionalStatus: 'not_required',
    });

    const blocked = await call(t, 'GET', `/api/people/${colleague.username}`, { cookie: teacher.cookie, lang: 'es' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({ code: 'ACCOUNT_NOT_VALIDATED' });
    expect(blocked.json().error.message).toMatch(/^Tu cuenta aún no está validada/);

    const res = await decide(nssFr, [affiliation], 'validate');
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(teacher)).status).toBe('validated');
    const mail = await lastMailTo(t, teacher.email);
    expect(mail?.subject).toBe('Tu cuenta de OpenTwinning está validada');
    expect(mail?.body).toContain(school.name);
    // Validated: other validated members' profiles are readable (only completed, visible ones).
    await joinSchool(t, colleague, school.id).then((id) => decide(nssFr, [id], 'validate'));
    const profile = await call(t, 'GET', `/api/people/${colleague.username}`, { cookie: teacher.cookie });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ username: colleague.username, schools: [{ id: school.id }] });
    expect(profile.json().email).toBeUndefined();
  });

  it('gives a French NSS officer 403 on a Spanish affiliation, and decides nothing', async () => {
    const teacher = await signedUp(t);
    const school = await newSchool(t, teacher, { countryCode: 'ES', regionCode: 'ES-GA' });
    const affiliation = await joinSchool(t, teacher, school.id);
    const res = await decide(nssFr, [affiliation], 'validate');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const detail = await call(t, 'GET', `/api/validation/affiliations/${affiliation}`, { cookie: nssFr.cookie });
    expect(detail.statusCode).toBe(403);
    expect((await me(teacher)).affiliations[0].status).toBe('pending');
  });

  it('rejects only with a reason, which reaches the person by email in their language', async () => {
    const teacher = await signedUp(t, { uiLanguage: 'en' });
    const school = await newSchool(t, teacher, { countryCode: 'FR' });
    const affiliation = await joinSchool(t, teacher, school.id);
    const noReason = await decide(nssFr, [affiliation], 'reject', '  ', 'es');
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields).toEqual({ reason: 'Indica el motivo del rechazo.' });
    expect(
      (await decide(nssFr, [affiliation], 'reject', 'The head teacher says you do not work here.')).statusCode,
    ).toBe(200);
    const mail = await lastMailTo(t, teacher.email);
    expect(mail?.subject).toBe('Your OpenTwinning registration was not validated');
    expect(mail?.body).toContain('The head teacher says you do not work here.');
    expect((await me(teacher)).affiliations[0]).toMatchObject({
      status: 'rejected',
      decisionReason: 'The head teacher says you do not work here.',
    });
    expect((await decide(nssFr, [affiliation], 'validate')).statusCode).toBe(409);
  });

  it('lets only one of two officers deciding at once win (the other gets 409)', async () => {
    const teacher = await signedUp(t);
    const school = await newSchool(t, teacher, { countryCode: 'FR' });
    const id = await joinSchool(t, teacher, school.id);
    const [a, b] = await Promise.all([
      decide(nssFr, [id], 'validate'),
      decide(css, [id], 'reject', 'Not on the staff list.'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const audit = (await call(t, 'GET', '/api/audit?country=FR', { cookie: css.cookie })).json().entries;
    expect(
      audit.filter(
        (e: { subject: string; action: string }) =>
          e.subject === teacher.username && /validated|rejected/.test(e.action),
      ),
    ).toHaveLength(1);
  });

  it('validates in bulk, all or nothing', async () => {
    const a = await signedUp(t);
    const b = await signedUp(t);
    const school = await newSchool(t, a, { countryCode: 'FR', city: 'Lille' });
    const ids = [await joinSchool(t, a, school.id), await joinSchool(t, b, school.id)];
    const spanish = await signedUp(t);
    const esSchool = await newSchool(t, spanish, { countryCode: 'ES', regionCode: 'ES-GA' });
    const esId = await joinSchool(t, spanish, esSchool.id);
    expect((await decide(nssFr, [...ids, esId], 'validate')).statusCode).toBe(403);
    expect((await me(a)).status).toBe('registered');
    const ok = await decide(nssFr, ids, 'validate');
    expect(ok.json()).toEqual({ decided: 2 });
    expect((await me(b)).status).toBe('validated');
  });

  it('sends a changed school back to the queue', async () => {
    const teacher = await signedUp(t);
    const first = await newSchool(t, teacher, { countryCode: 'FR' });
    const affiliation = await joinSchool(t, teacher, first.id);
    await decide(nssFr, [affiliation], 'validate');
    expect((await me(teacher)).status).toBe('validated');
    const second = await newSchool(t, teacher, { countryCode: 'FR', city: 'Nantes' });
    const change = await call(t, 'POST', `/api/me/affiliations/${affiliation}/change`, {
      cookie: teacher.cookie,
      body: { schoolId: second.id },
    });
    expect(change.statusCode, change.body).toBe(201);
    const after = await me(teacher);
    expect(after.status).toBe('registered');
    expect(after.affiliations).toEqual([
      expect.objectContaining({
        id: change.json().id,
        status: 'pending',
        school: expect.objectContaining({ id: second.id }),
      }),
    ]);
  });
});

describe('the regional step (Spain: regional coordinator or head teacher first)', () => {
  it('waits for the region: the NSS cannot decide before, the coordinator of another region cannot confirm', async () => {
    const teacher = await signedUp(t);
    const school = await newSchool(t, teacher, { countryCode: 'ES', regionCode: 'ES-AN', name: 'CEIP Andalucía Test' });
    const affiliation = await joinSchool(t, teacher, school.id);
    expect((await me(teacher)).affiliations[0].regionalStatus).toBe('awaiting');

    const early = await decide(nssEs, [affiliation], 'validate', undefined, 'es');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Alguna de estas inscripciones espera todavía la confirmación regional.');

    const regionalQueue = await call(t, 'GET', '/api/validation/queue?regionalStatus=awaiting', {
      cookie: coordAndalucia.cookie,
    });
    expect(regionalQueue.json().items.map((i: { id: string }) => i.id)).toContain(affiliation);
    const madridQueue = await call(t, 'GET', '/api/validation/queue', { cookie: coordMadrid.cookie });
    expect(madridQueue.json().items.map((i: { id: string }) => i.id)).not.toContain(affiliation);

    const wrongRegion = await call(t, 'POST', '/api/validation/regional-confirmations', {
      cookie: coordMadrid.cookie,
      body: { affiliationIds: [affiliation] },
    });
    expect(wrongRegion.statusCode).toBe(403);
    const confirmed = await call(t, 'POST', '/api/validation/regional-confirmations', {
      cookie: coordAndalucia.cookie,
      body: { affiliationIds: [affiliation] },
    });
    expect(confirmed.json()).toEqual({ confirmed: 1 });
    expect((await decide(nssEs, [affiliation], 'validate')).statusCode).toBe(200);
    const detail = (
      await call(t, 'GET', `/api/validation/affiliations/${affiliation}`, { cookie: nssEs.cookie })
    ).json();
    expect(detail).toMatchObject({
      status: 'validated',
      regionalStatus: 'confirmed',
      person: { username: teacher.username },
    });
    expect(detail.audit.map((e: { action: string }) => e.action).sort()).toEqual([
      'affiliation.region_confirmed',
      'affiliation.requested',
      'affiliation.validated',
    ]);
    expect((await me(teacher)).status).toBe('validated');
  });

  it('lets the head teacher confirm by the signed, expiring link emailed to the school', async () => {
    const teacher = await signedUp(t, { uiLanguage: 'es' });
    const colleague = await signedUp(t);
    const headEmail = 'direccion.cordoba@school.example';
    // Registered by a colleague: the head teacher's address was not typed by the person asking.
    const school = await newSchool(t, colleague, { countryCode: 'ES', regionCode: 'ES-AN', headEmail });
    const affiliation = await joinSchool(t, teacher, school.id);
    const mail = await lastMailTo(t, headEmail);
    expect(mail?.subject).toMatch(/^Confirme que Ana Test \w+ trabaja en /);
    const token = tokenIn(mail!.body);
    expect(mail!.body).toContain('/es/confirmacion-direccion?token=');

    const tampered = await call(t, 'GET', `/api/validation/head-teacher?token=${token.slice(0, -3)}abc`);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().error.code).toBe('TOKEN_INVALID');
    const info = await call(t, 'GET', `/api/validation/head-teacher?token=${token}`);
    expect(info.json()).toMatchObject({ school: school.name, alreadyConfirmed: false });
    expect((await call(t, 'POST', '/api/validation/head-teacher', { body: { token } })).statusCode).toBe(200);
    expect((await me(teacher)).affiliations[0].regionalStatus).toBe('confirmed');
    expect((await decide(nssEs, [affiliation], 'validate')).statusCode).toBe(200);
    // The mail about the teacher (to the head teacher) is part of their data, and goes with them.
    const exported = (await call(t, 'GET', '/api/me/export', { cookie: teacher.cookie })).json().data.account.messages;
    expect(exported.map((x: { kind: string }) => x.kind)).toContain('head_teacher_confirm');
    expect(
      (await call(t, 'POST', '/api/me/delete', { cookie: teacher.cookie, body: { password: 'correct horse battery' } }))
        .statusCode,
    ).toBe(204);
    expect(await lastMailTo(t, headEmail)).toBeUndefined();
  });

  it('does not ask the head teacher of a school registered by the person asking (its address came from them)', async () => {
    const teacher = await signedUp(t);
    const headEmail = 'my.own.address@school.example';
    const school = await newSchool(t, teacher, { countryCode: 'ES', regionCode: 'ES-AN', headEmail });
    await joinSchool(t, teacher, school.id);
    expect(await lastMailTo(t, headEmail)).toBeUndefined();
    expect((await me(teacher)).affiliations[0].regionalStatus).toBe('awaiting'); // the coordinator confirms
  });

  it('follows the NSS choice: without the regional step, Spanish affiliations go straight to the NSS', async () => {
    const waiting = await signedUp(t);
    const waitingSchool = await newSchool(t, waiting, { countryCode: 'ES', regionCode: 'ES-AN' });
    const waitingId = await joinSchool(t, waiting, waitingSchool.id);
    expect((await me(waiting)).affiliations[0].regionalStatus).toBe('awaiting');
    const off = await call(t, 'PUT', '/api/nss/ES/regional-step', { cookie: nssEs.cookie, body: { enabled: false } });
    expect(off.statusCode).toBe(200);
    // Those that were waiting for the region are released to the NSS.
    expect((await me(waiting)).affiliations[0].regionalStatus).toBe('not_required');
    expect((await decide(nssEs, [waitingId], 'validate')).statusCode).toBe(200);
    const teacher = await signedUp(t);
    const school = await newSchool(t, teacher, { countryCode: 'ES', regionCode: 'ES-CT' });
    const affiliation = await joinSchool(t, teacher, school.id);
    expect((await me(teacher)).affiliations[0].regionalStatus).toBe('not_required');
    expect((await decide(nssEs, [affiliation], 'validate')).statusCode).toBe(200);
    expect(
      (await call(t, 'PUT', '/api/nss/FR/regional-step', { cookie: nssEs.cookie, body: { enabled: true } })).statusCode,
    ).toBe(403);
    expect(
      (await call(t, 'PUT', '/api/nss/ES/regional-step', { cookie: nssEs.cookie, body: { enabled: true } })).statusCode,
    ).toBe(200);
  });
});

describe('the queue', () => {
  it('filters by region, school, status and waiting time, for the officer’s country only', async () => {
    const teacher = await signedUp(t);
    const school = await newSchool(t, teacher, {
      countryCode: 'ES',
      regionCode: 'ES-VC',
      name: 'IES Queue Filter Valencia',
    });
    const id = await joinSchool(t, teacher, school.id);
    const vc = await regionId(t, 'ES-VC');
    const get = (m: Member, q: string) => call(t, 'GET', `/api/validation/queue?${q}`, { cookie: m.cookie });

    const byRegion = (await get(nssEs, `region=${vc}`)).json();
    expect(byRegion.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(byRegion.items[0]).toMatchObject({
      waitingDays: 0,
      school: { regionName: 'Valencian Community' },
      person: { username: teacher.username },
    });
    expect((await get(nssEs, 'school=queue filter')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await get(nssEs, 'school=queue filter&minWaitingDays=3')).json().total).toBe(0);
    expect((await get(nssEs, 'school=queue filter&status=validated')).json().total).toBe(0);
    expect((await get(nssFr, 'school=queue filter')).json().total).toBe(0);
    expect((await get(nssFr, 'country=ES')).statusCode).toBe(403);
    expect((await get(css, 'school=queue filter')).json().total).toBe(1);
    // An officer with a national role in one country and a regional one in another sees only that.
    const mixed = await officer(t, 'nss_officer', 'PT');
    await grant(t, mixed, 'regional_coordinator', 'ES', 'ES-VC');
    expect((await get(mixed, 'country=FR')).statusCode).toBe(403);
    const mixedEs = (await get(mixed, 'country=ES')).json();
    expect(mixedEs.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(mixedEs.items.every((i: { school: { regionId: number } }) => i.school.regionId === vc)).toBe(true);
    const teacherAsks = await get(teacher, '');
    expect(teacherAsks.statusCode).toBe(403);
    expect((await call(t, 'GET', '/api/validation/queue')).statusCode).toBe(401);
  });
});

describe('schools (R-ACC-1, R-ACC-2)', () => {
  it('finds "Ramón y Cajal" from "ramon y cajal", and shows likely duplicates in the same city', async () => {
    const m = await signedUp(t);
    await newSchool(t, m, { countryCode: 'ES', regionCode: 'ES-MD', name: 'IES Ramón y Cajal', city: 'Madrid' });
    const found = await call(t, 'GET', '/api/schools?country=ES&q=ramon%20y%20cajal', { cookie: m.cookie });
    expect(found.json().schools.map((s: { name: string }) => s.name)).toContain('IES Ramón y Cajal');
    const dup = await call(t, 'GET', '/api/schools/similar?country=ES&city=madrid&name=Instituto%20Ramon%20y%20Cajal', {
      cookie: m.cookie,
    });
    expect(dup.json().schools.map((s: { name: string }) => s.name)).toEqual(['IES Ramón y Cajal']);
    const otherCity = await call(
      t,
      'GET',
      '/api/schools/similar?country=ES&city=Sevilla&name=IES%20Ramon%20y%20Cajal',
      { cookie: m.cookie },
    );
    expect(otherCity.json().schools).toEqual([]);
  });

  it('refuses a university, a school without its region where the country has regions, and a non-participating country', async () => {
    const m = await signedUp(t);
    const base = {
      countryCode: 'FR',
      regionId: null,
      name: 'Université Test',
      levels: ['higher_education'],
      address: '1 rue',
      city: 'Paris',
      ageMin: 18,
      ageMax: 25,
      headName: 'X',
      headEmail: 'x@y.fr',
    };
    const uni = await call(t, 'POST', '/api/schools', { cookie: m.cookie, body: base, lang: 'es' });
    expect(uni.statusCode).toBe(422);
    expect(uni.json().error.code).toBe('SCHOOL_NOT_ELIGIBLE');
    expect(uni.json().error.message).toMatch(/^Solo pueden registrarse centros anteriores a la universidad/);
    const noRegion = await call(t, 'POST', '/api/schools', {
      cookie: m.cookie,
      body: { ...base, countryCode: 'ES', levels: ['primary'], ageMin: 6, ageMax: 12 },
    });
    expect(noRegion.json().error.fields).toEqual({ regionId: 'This is required.' });
    const uk = await call(t, 'POST', '/api/schools', {
      cookie: m.cookie,
      body: { ...base, countryCode: 'GB', levels: ['primary'], ageMin: 6, ageMax: 12 },
    });
    expect(uk.json().error.fields).toEqual({ countryCode: 'This country does not take part at present.' });
    const ages = await call(t, 'POST', '/api/schools', {
      cookie: m.cookie,
      body: { ...base, levels: ['primary'], ageMin: 12, ageMax: 6 },
    });
    expect(ages.statusCode).toBe(422);
    expect((await call(t, 'POST', '/api/schools', { body: base })).statusCode).toBe(401);
  });
});

describe('roles and audit', () => {
  it('lets the CSS name NSS officers and the NSS name regional coordinators, and logs who, what, when and why', async () => {
    const future = await signedUp(t);
    const byNss = await call(t, 'POST', '/api/admin/nss-officers', {
      cookie: nssFr.cookie,
      body: { username: future.username, countryCode: 'IT' },
    });
    expect(byNss.statusCode).toBe(403);
    const named = await call(t, 'POST', '/api/admin/nss-officers', {
      cookie: css.cookie,
      body: { username: future.username, countryCode: 'IT' },
    });
    expect(named.statusCode).toBe(201);
    expect((await me(future)).abilities.validateCountries).toEqual(['IT']);
    const list = (await call(t, 'GET', '/api/admin/nss-officers?country=IT', { cookie: css.cookie })).json().officers;
    expect(list.map((o: { username: string }) => o.username)).toEqual([future.username]);

    const coordinator = await signedUp(t);
    const ct = await regionId(t, 'ES-CT');
    const byFr = await call(t, 'POST', '/api/nss/ES/regional-coordinators', {
      cookie: nssFr.cookie,
      body: { username: coordinator.username, regionId: ct },
    });
    expect(byFr.statusCode).toBe(403);
    const ok = await call(t, 'POST', '/api/nss/ES/regional-coordinators', {
      cookie: nssEs.cookie,
      body: { username: coordinator.username, regionId: ct },
    });
    expect(ok.statusCode).toBe(201);
    expect((await me(coordinator)).abilities.confirmRegions).toEqual([ct]);

    const audit = (await call(t, 'GET', '/api/audit?country=ES', { cookie: nssEs.cookie })).json().entries;
    expect(
      audit.find(
        (e: { action: string; subject: string }) => e.action === 'role.granted' && e.subject === coordinator.username,
      ),
    ).toMatchObject({
      actor: nssEs.username,
      countryCode: 'ES',
    });
    expect((await call(t, 'GET', '/api/audit?country=ES', { cookie: nssFr.cookie })).statusCode).toBe(403);
    const all = (await call(t, 'GET', '/api/audit', { cookie: css.cookie })).json().entries;
    expect(
      all.some((e: { action: string; countryCode: string }) => e.action === 'role.granted' && e.countryCode === 'IT'),
    ).toBe(true);

    const revoke = await call(t, 'DELETE', `/api/roles/${named.json().id}`, { cookie: css.cookie });
    expect(revoke.statusCode).toBe(204);
    const revoked = (await call(t, 'GET', '/api/audit?country=IT', { cookie: css.cookie })).json().entries[0];
    expect(revoked).toMatchObject({ action: 'role.revoked', subject: future.username, actor: css.username });
    expect((await me(future)).abilities.validateCountries).toEqual([]);
  });

  it('exports the person’s affiliations with the profile', async () => {
    const teacher = await signedUp(t);
    const school = await newSchool(t, teacher, { countryCode: 'FR' });
    await joinSchool(t, teacher, school.id);
    const data = (await call(t, 'GET', '/api/me/export', { cookie: teacher.cookie })).json().data;
    expect(data.account.profile.username).toBe(teacher.username);
    expect(data.schools_and_roles.affiliations).toEqual([
      expect.objectContaining({ schoolId: school.id, status: 'pending' }),
    ]);
    expect(data.audit.some((e: { action: string }) => e.action === 'affiliation.requested')).toBe(true);
    expect(data.schools_registered.map((x: { id: string }) => x.id)).toEqual([school.id]);
  });

  it('shows the outbox to CSS officers only', async () => {
    expect((await call(t, 'GET', '/api/admin/outbox', { cookie: css.cookie })).json().messages.length).toBeGreaterThan(
      0,
    );
    expect((await call(t, 'GET', '/api/admin/outbox', { cookie: nssFr.cookie })).statusCode).toBe(403);
    expect((await call(t, 'GET', '/api/admin/outbox')).statusCode).toBe(401);
  });
});
