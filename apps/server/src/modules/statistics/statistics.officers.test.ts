import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import {
  call,
  joinSchool,
  newSchool,
  officer,
  PASSWORD,
  signedUp,
  validatedTeacher,
  type Member,
} from '../../../test/support/factories.ts';
import { rollUpStatistics } from './statistics.rollup.ts';
import { insertAffiliation, insertPerson, insertSchool } from './statistics.test-support.ts';

let t: TestContext;
let css: Member;
let nssPt: Member;
let teacher: Member;

beforeAll(async () => {
  t = await createTestApp();
  css = await officer(t, 'css_officer');
  nssPt = await officer(t, 'nss_officer', 'PT');
  teacher = await validatedTeacher(t, nssPt, { school: { countryCode: 'PT' } });
});
afterAll(() => t.close());

describe('dashboards (R-STAT-4)', () => {
  it('an NSS officer sees their country: queue, waiting times and the funnel', async () => {
    // Two requests waiting in Portugal (one 10 days, one today), one in Ireland.
    for (const country of ['PT', 'PT', 'IE']) {
      const m = await signedUp(t);
      const school = await newSchool(t, m, { countryCode: country });
      await joinSchool(t, m, school.id);
    }
    await t.database.pool.query(
      `UPDATE affiliation SET created_at = now() - interval '10 days'
       WHERE id = (SELECT a.id FROM affiliation a JOIN school s ON s.id = a.school_id
                   WHERE s.country_code = 'PT' AND a.status = 'pending' ORDER BY a.created_at LIMIT 1)`,
    );
    const res = await call(t, 'GET', '/api/statistics/dashboard', { cookie: nssPt.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.country).toMatchObject({ code: 'PT' });
    expect(body.validations.waiting).toBe(2);
    expect(body.validations.waitingDays.max).toBeGreaterThanOrEqual(9.9);
    expect(body.validations.waitingDays.max).toBeLessThanOrEqual(10.1);
    expect(body.validations.decided90).toBe(1);
    expect(body.projectApprovals.waiting).toBe(0);
    // 3 people asked to join a Portuguese school, 1 is validated, none in a project, labels not awarded yet.
    expect(body.funnel).toEqual({ registered: 3, validated: 1, inProject: 0, labelled: null });
    expect(body.scopes).toEqual([{ code: 'PT', name: 'Portugal' }]);
  });

  it('an NSS officer cannot look at another country; teachers and visitors cannot look at all', async () => {
    expect((await call(t, 'GET', '/api/statistics/dashboard?country=IE', { cookie: nssPt.cookie })).statusCode).toBe(
      403,
    );
    expect((await call(t, 'GET', '/api/statistics/dashboard', { cookie: teacher.cookie })).statusCode).toBe(403);
    expect((await call(t, 'GET', '/api/statistics/dashboard')).statusCode).toBe(401);
  });

  it('the CSS sees all countries or one', async () => {
    const all = (await call(t, 'GET', '/api/statistics/dashboard', { cookie: css.cookie })).json();
    expect(all.country).toBeNull();
    expect(all.validations.waiting).toBe(3);
    expect(all.scopes.length).toBeGreaterThan(30);
    const ie = (await call(t, 'GET', '/api/statistics/dashboard?country=ie', { cookie: css.cookie })).json();
    expect(ie.validations.waiting).toBe(1);
    expect((await call(t, 'GET', '/api/statistics/dashboard?country=XX', { cookie: css.cookie })).statusCode).toBe(404);
  });
});

describe('deleted accounts', () => {
  it('a teacher who deletes their account leaves the figures that day; their school is not counted twice', async () => {
    const db = t.database.db;
    const school = await insertSchool(db, 'SE', 'Stat school Uppsala');
    const a = await signedUp(t);
    const id = await joinSchool(t, a, school);
    await t.database.pool.query(
      `UPDATE affiliation SET status = 'validated', decided_at = '2015-05-04T10:00:00Z' WHERE id = $1`,
      [id],
    );
    await rollUpStatistics(db, { rebuild: true });
    const se = async (date: string) =>
      (await call(t, 'GET', `/api/open-data/statistics/SE?date=${date}`)).json().country;
    const today = new Date().toISOString().slice(0, 10);
    const before = await se(today);
    const history = (await se('2016-01-01')).teachers;
    expect(history).toBeGreaterThanOrEqual(1);

    const deleted = await call(t, 'POST', '/api/me/delete', { cookie: a.cookie, body: { password: PASSWORD } });
    expect(deleted.statusCode, deleted.body).toBe(204);
    // Another teacher of the same school is validated the same day.
    const b = await signedUp(t);
    await joinSchool(t, b, school);
    const pending = (
      await t.database.pool.query(`SELECT id FROM affiliation WHERE school_id = $1 AND status = 'pending'`, [school])
    ).rows[0].id;
    await call(t, 'POST', '/api/validation/decisions', {
      cookie: css.cookie,
      body: { affiliationIds: [pending], decision: 'validate' },
    });
    const after = await se(today);
    expect(after.teachers).toBe(before.teachers);
    expect(after.schools).toBe(before.schools);
    // History keeps the departed teacher; nothing in it says who they were.
    expect((await se('2016-01-01')).teachers).toBe(history);
    const kept = await t.database.pool.query(`SELECT * FROM stat_departed_affiliation WHERE school_id = $1`, [school]);
    expect(kept.rows).toHaveLength(1);
    expect(Object.keys(kept.rows[0]).sort()).toEqual(['decided_at', 'ended_at', 'person_key', 'school_id']);
    await rollUpStatistics(db, { rebuild: true });
    expect(await se(today)).toMatchObject({ teachers: after.teachers, schools: after.schools });
    expect((await se('2016-01-01')).teachers).toBe(history);
  });
});

describe('historical import', () => {
  const csv = [
    'date,country,teachers,schools,projects',
    '2013-06-30,NL,1200,500,310',
    '2014-06-30,NL,1500,610,400',
  ].join('\n');

  it('only CSS officers import', async () => {
    const body = { source: 'Dutch national report', csv };
    expect((await call(t, 'POST', '/api/statistics/imports', { cookie: nssPt.cookie, body })).statusCode).toBe(403);
    expect((await call(t, 'POST', '/api/statistics/imports', { body })).statusCode).toBe(401);
  });

  it('a file with errors imports nothing and says which lines, in the caller’s language', async () => {
    const bad = [
      'date,country,teachers,schools,projects',
      '2013-06-30,NL,1200,500,310',
      '2013-02-30,NL,1,1,1',
      '2013-06-30,QQ,1,1,1',
      '2013-07-30,NL,12,-1,3',
      '2013-08-30,NL,5,9,3',
      '2013-06-30,NL,1200,500,310',
    ].join('\n');
    const res = await call(t, 'POST', '/api/statistics/imports', {
      cookie: css.cookie,
      body: { source: 'Bad file', csv: bad },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields)).toEqual(['csv.line.3', 'csv.line.4', 'csv.line.5', 'csv.line.6', 'csv.line.7']);
    expect(error.fields['csv.line.4']).toMatch(/Unknown country code/);
    const header = await call(t, 'POST', '/api/statistics/imports', {
      cookie: css.cookie,
      body: { source: 'Bad header', csv: 'fecha,pais\n2013-06-30,NL' },
    });
    expect(header.json().error.fields.csv).toMatch(/date,country,teachers,schools,projects/);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM stat_import')).rows[0].n).toBe(0);
  });

  it('imported figures show before the platform’s own data, with their source; live figures after', async () => {
    const res = await call(t, 'POST', '/api/statistics/imports', {
      cookie: css.cookie,
      body: { source: 'Dutch national report', csv },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2, countries: ['NL'], from: '2013-06-30', to: '2014-06-30' });
    // The platform's own Dutch data starts in 2015.
    const school = await insertSchool(t.database.db, 'NL', 'Stat school Utrecht');
    const person = await insertPerson(t.database.db, 'stat-nl-1');
    await insertAffiliation(t.database.db, {
      personId: person,
      schoolId: school,
      status: 'validated',
      decidedAt: '2015-03-01T10:00:00Z',
    });
    await rollUpStatistics(t.database.db, { rebuild: true });

    const get = async (date: string) =>
      (await call(t, 'GET', `/api/open-data/statistics/NL?date=${date}&lang=en`)).json();
    expect((await get('2013-01-01')).country).toMatchObject({ teachers: 0, source: { kind: 'live' } });
    expect((await get('2014-01-01')).country).toMatchObject({
      teachers: 1200,
      schools: 500,
      projects: 310,
      activeProjects: null,
      source: { kind: 'imported', name: 'Dutch national report', date: '2013-06-30' },
    });
    const europe = (await call(t, 'GET', '/api/open-data/statistics?date=2014-09-01')).json().europe;
    expect(europe.includesImported).toBe(true);
    expect(europe.teachers).toBeGreaterThanOrEqual(1500);
    expect((await get('2015-03-01')).country).toMatchObject({ teachers: 1, source: { kind: 'live' } });

    const series = (await call(t, 'GET', '/api/open-data/series?country=NL&date=2015-04-10')).json();
    expect(series.points.map((p: { period: string; source: string }) => `${p.period} ${p.source}`)).toEqual([
      '2013-06 imported',
      '2014-06 imported',
      '2015-03 live',
      '2015-04 live',
    ]);
    // Europe's series counts the imported figures as Europe's "as of" figures do.
    const series2014 = (await call(t, 'GET', '/api/open-data/series?date=2014-09-01')).json();
    const june = series2014.points.find((p: { period: string }) => p.period === '2014-06');
    expect(june).toMatchObject({ teachers: 1500, schools: 610, projects: 400, source: 'imported' });
    expect(series2014.points.at(-1).teachers).toBe(
      (await call(t, 'GET', '/api/open-data/statistics?date=2014-09-01')).json().europe.teachers,
    );
    const again = await call(t, 'POST', '/api/statistics/imports', {
      cookie: css.cookie,
      body: { source: 'Same again', csv },
    });
    expect(again.statusCode).toBe(422);
    expect(Object.keys(again.json().error.fields)).toEqual(['csv.line.2', 'csv.line.3']);

    // After the platform's own Dutch data began, imported figures would never show: refused.
    const late = await call(t, 'POST', '/api/statistics/imports', {
      cookie: css.cookie,
      body: { source: 'Too late', csv: 'date,country,teachers,schools,projects\n2015-06-30,NL,3,1,0' },
      headers: { 'accept-language': 'en' },
    });
    expect(late.json().error.fields).toEqual({ 'csv.line.2': expect.stringMatching(/already has its own figures/) });
    const list = (await call(t, 'GET', '/api/statistics/imports', { cookie: css.cookie })).json();
    expect(list.imports).toHaveLength(1);
    const audit = await t.database.pool.query(`SELECT action FROM audit_entry WHERE action LIKE 'statistics.%'`);
    expect(audit.rows.map((r) => r.action)).toEqual(['statistics.imported']);
    expect(
      (await call(t, 'DELETE', `/api/statistics/imports/${list.imports[0].id}`, { cookie: css.cookie })).statusCode,
    ).toBe(204);
    expect((await get('2014-01-01')).country).toMatchObject({ teachers: 0, source: { kind: 'live' } });
  });
});
