import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, officer, validatedTeacher, type Member } from '../../../test/support/factories.ts';
import { addDays, isoDay, rollUpStatistics } from './statistics.rollup.ts';
import {
  directCount,
  directEuropeProjects,
  insertAffiliation,
  insertPerson,
  insertProject,
  insertRandomHistory,
  insertSchool,
} from './statistics.test-support.ts';
import { schoolYearOf } from './statistics.figures.ts';

let t: TestContext;
let css: Member;
const get = (url: string, headers: Record<string, string> = {}) => call(t, 'GET', url, { headers });
const today = isoDay(new Date());

beforeAll(async () => {
  t = await createTestApp();
  css = await officer(t, 'css_officer');
});
afterAll(() => t.close());

const COUNTRIES = ['ES', 'FR', 'PT', 'UA'];

describe('figures as of a date equal direct counts', () => {
  beforeAll(async () => {
    await insertRandomHistory(t.database.db, {
      seed: 5,
      from: '2014-01-01',
      to: '2016-06-30',
      countries: COUNTRIES,
      teachers: 160,
      schools: 45,
      projects: 60,
    });
  });

  const dates = ['2014-03-31', '2014-12-31', '2015-08-31', '2015-09-01', '2016-02-19', '2016-06-30', '2017-01-01'];

  async function expectDirect(day: string) {
    const res = await get(`/api/open-data/statistics?date=${day}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const year = schoolYearOf(day);
    for (const code of COUNTRIES) {
      const direct = await directCount(t.database.db, code, day, year.from);
      const shown = body.countries.find((c: { code: string }) => c.code === code) ?? {
        teachers: 0,
        schools: 0,
        projects: 0,
        projectsThisSchoolYear: 0,
        activeProjects: 0,
      };
      expect(
        {
          teachers: shown.teachers,
          schools: shown.schools,
          projects: shown.projects,
          projectsThisSchoolYear: shown.projectsThisSchoolYear,
          activeProjects: shown.activeProjects,
        },
        `${code} on ${day}`,
      ).toEqual(direct);
    }
    expect(body.europe.projects, `Europe's projects on ${day}`).toBe(await directEuropeProjects(t.database.db, day));
    return body;
  }

  it('before any roll-up (all live), after a roll-up up to a date, after another one, and after a rebuild', async () => {
    for (const day of dates) await expectDirect(day);
    await rollUpStatistics(t.database.db, { until: '2015-06-15' });
    for (const day of dates) await expectDirect(day);
    await rollUpStatistics(t.database.db, { until: '2016-01-10' });
    for (const day of dates) await expectDirect(day);
    await rollUpStatistics(t.database.db, { rebuild: true });
    for (const day of dates) await expectDirect(day);
  });

  it('Europe sums the participating countries; shares and ranks follow', async () => {
    const body = await expectDirect('2016-02-19');
    const taking = body.countries.filter((c: { participating: boolean }) => c.participating);
    const sum = (k: string) => taking.reduce((s: number, c: Record<string, number>) => s + c[k]!, 0);
    expect(body.europe.teachers).toBe(sum('teachers'));
    expect(body.europe.schools).toBe(sum('schools'));
    const es = body.countries.find((c: { code: string }) => c.code === 'ES');
    expect(es.share.teachers).toBeCloseTo(es.teachers / body.europe.teachers, 10);
    const better = taking.filter((c: { teachers: number }) => c.teachers > es.teachers).length;
    expect(es.rank.teachers).toBe(better + 1);
  });

  it('series: the month points equal the figures at each month end, school years sum the approvals', async () => {
    const months = (await get('/api/open-data/series?country=ES&by=month&date=2016-02-19')).json();
    const points = months.points as {
      period: string;
      end: string;
      teachers: number;
      projects: number;
      newProjects: number;
    }[];
    expect(points.at(-1)).toMatchObject({ period: '2016-02', end: '2016-02-19' });
    for (const p of points.filter((_, i) => i % 5 === 0).concat(points.slice(-2))) {
      const direct = await directCount(t.database.db, 'ES', p.end, schoolYearOf(p.end).from);
      expect({ teachers: p.teachers, projects: p.projects }, p.period).toEqual({
        teachers: direct.teachers,
        projects: direct.projects,
      });
    }
    const years = (await get('/api/open-data/series?country=ES&by=school-year&date=2016-02-19')).json();
    const last = years.points.at(-1);
    expect(last.period).toBe('2015-16');
    const direct = await directCount(t.database.db, 'ES', '2016-02-19', '2015-09-01');
    expect(last.newProjects).toBe(direct.projectsThisSchoolYear);
    const europe = (await get('/api/open-data/series?date=2016-02-19')).json();
    expect(europe.area).toBe('europe');
    expect(europe.points.at(-1).projects).toBe(await directEuropeProjects(t.database.db, '2016-02-19'));
  });

  it('series: months after the roll-up (a missed night) are computed like the running month', async () => {
    await rollUpStatistics(t.database.db, { rebuild: true, until: '2015-01-15' });
    const body = (await get('/api/open-data/series?country=ES&date=2015-03-10')).json();
    const tail = body.points.slice(-3).map((p: { period: string; end: string }) => `${p.period} ${p.end}`);
    expect(tail).toEqual(['2015-01 2015-01-31', '2015-02 2015-02-28', '2015-03 2015-03-10']);
    for (const p of body.points.slice(-3) as { end: string; teachers: number; projects: number }[]) {
      const direct = await directCount(t.database.db, 'ES', p.end, schoolYearOf(p.end).from);
      expect({ teachers: p.teachers, projects: p.projects }, p.end).toEqual({
        teachers: direct.teachers,
        projects: direct.projects,
      });
    }
    const europe = (await get('/api/open-data/series?date=2015-03-10')).json();
    expect(europe.points.at(-2).end).toBe('2015-02-28');
    expect(europe.points.at(-2).projects).toBe(await directEuropeProjects(t.database.db, '2015-02-28'));
    await rollUpStatistics(t.database.db, { rebuild: true });
  });

  it('partner countries count the projects shared, most first', async () => {
    const body = (await get('/api/open-data/statistics/ES?date=2016-06-30')).json();
    // Two countries are partners from the day both have taken part (members' time after approval).
    const { rows } = await t.database.pool.query(
      `WITH presence AS (
         SELECT * FROM (
           SELECT p.id, s.country_code,
                  greatest((p.activated_at AT TIME ZONE 'UTC')::date, (m.joined_at AT TIME ZONE 'UTC')::date) AS d_in,
                  least((p.closed_at AT TIME ZONE 'UTC')::date, (m.left_at AT TIME ZONE 'UTC')::date) AS d_out
           FROM project p JOIN project_member m ON m.project_id = p.id JOIN school s ON s.id = m.school_id
           WHERE p.activated_at IS NOT NULL) x
         WHERE d_out IS NULL OR d_in < d_out),
       firsts AS (SELECT id, country_code, min(d_in) AS d_in FROM presence GROUP BY 1, 2)
       SELECT b.country_code AS code, count(*)::int AS n FROM firsts a JOIN firsts b ON b.id = a.id AND b.country_code <> a.country_code
       WHERE a.country_code = 'ES' AND greatest(a.d_in, b.d_in) <= '2016-06-30'
       GROUP BY b.country_code ORDER BY n DESC, code`,
    );
    expect(body.partners.map((p: { code: string; projects: number }) => [p.code, p.projects]).sort()).toEqual(
      rows.map((r: { code: string; n: number }) => [r.code, r.n]).sort(),
    );
    expect(body.partners[0].projects).toBe(rows[0].n);
  });
});

describe('live figures', () => {
  it('a teacher validated today counts today, not yesterday; the roll-up does not change the answer', async () => {
    const before = (await get(`/api/open-data/statistics/IT?date=${today}`)).json().country.teachers;
    await rollUpStatistics(t.database.db);
    await validatedTeacher(t, css, { school: { countryCode: 'IT' } });
    const yesterday = (await get(`/api/open-data/statistics/IT?date=${addDays(today, -1)}`)).json().country;
    const now = (await get(`/api/open-data/statistics/IT?date=${today}`)).json().country;
    expect(now.teachers).toBe(before + 1);
    expect(now.schools).toBeGreaterThanOrEqual(1);
    expect(yesterday.teachers).toBe(before);
    // Today is not over: the roll-up refuses it (writes stamped today may still be committing).
    await expect(rollUpStatistics(t.database.db, { until: today })).rejects.toThrow(/not over yet/);
    expect((await get(`/api/open-data/statistics/IT?date=${today}`)).json().country.teachers).toBe(before + 1);
  });
  it('a partner school joining a running project counts from that day; leaving and closing end its active count only', async () => {
    const db = t.database.db;
    const people = [];
    for (const [code, name] of [
      ['SK', 'Bratislava'],
      ['SI', 'Ljubljana'],
      ['LT', 'Vilnius'],
    ]) {
      const school = await insertSchool(db, code!, `Stat school ${name}`);
      const person = await insertPerson(db, `stat-late-${code}`);
      await insertAffiliation(db, {
        personId: person,
        schoolId: school,
        status: 'validated',
        decidedAt: '2015-01-10T10:00:00Z',
      });
      people.push({ personId: person, schoolId: school });
    }
    const id = await insertProject(db, { members: people.slice(0, 2), activatedAt: '2015-02-01T10:00:00Z' });
    await rollUpStatistics(db, { rebuild: true });
    const lt = async (date: string) => (await get(`/api/open-data/statistics/LT?date=${date}`)).json();
    const before = await lt(today);
    await t.database.pool.query(
      `INSERT INTO project_member (project_id, person_id, school_id, role, joined_at) VALUES ($1, $2, $3, 'partner', now())`,
      [id, people[2]!.personId, people[2]!.schoolId],
    );
    const joined = await lt(today);
    expect(joined.country.projects).toBe(before.country.projects + 1);
    expect(joined.country.activeProjects).toBe(before.country.activeProjects + 1);
    expect((await lt(addDays(today, -1))).country.projects).toBe(before.country.projects);
    expect(joined.partners.map((p: { code: string }) => p.code).sort()).toEqual(['SI', 'SK']);
    const sk = (await get(`/api/open-data/statistics/SK?date=${today}`)).json();
    expect(sk.partners.map((p: { code: string }) => p.code).sort()).toEqual(['LT', 'SI']);

    await t.database.pool.query(
      `UPDATE project_member SET left_at = now() + interval '1 second' WHERE person_id = $1`,
      [people[2]!.personId],
    );
    await t.database.pool.query(
      `UPDATE project SET state = 'closed', closed_at = now() + interval '2 seconds' WHERE id = $1`,
      [id],
    );
    // Joined and left on the same day: it did not take part on any day's end.
    const after = await lt(today);
    expect(after.country.projects).toBe(before.country.projects);
    expect(after.country.activeProjects).toBe(before.country.activeProjects);
    const skAfter = (await get(`/api/open-data/statistics/SK?date=${today}`)).json();
    expect(skAfter.country.activeProjects).toBe(sk.country.activeProjects - 1);
    expect(skAfter.country.projects).toBe(sk.country.projects);
  });
});

describe('a country that left', () => {
  it('the United Kingdom counts in Europe until 2020-12-31, not after; its own page keeps its history', async () => {
    const db = t.database.db;
    const school = await insertSchool(db, 'GB', 'Stat school London');
    for (let i = 0; i < 3; i++) {
      const person = await insertPerson(db, `stat-gb-${i}`);
      await insertAffiliation(db, {
        personId: person,
        schoolId: school,
        status: 'validated',
        decidedAt: '2019-05-0' + (i + 1) + 'T10:00:00Z',
      });
    }
    const frSchool = await insertSchool(db, 'FR', 'Stat école Lille');
    const frPerson = await insertPerson(db, 'stat-fr-brexit');
    await insertAffiliation(db, {
      personId: frPerson,
      schoolId: frSchool,
      status: 'validated',
      decidedAt: '2019-04-01T10:00:00Z',
    });
    const gbPerson = (await t.database.pool.query(`SELECT id FROM person WHERE username = 'stat-gb-0'`)).rows[0].id;
    await insertProject(db, {
      members: [
        { personId: gbPerson, schoolId: school },
        { personId: frPerson, schoolId: frSchool },
      ],
      activatedAt: '2019-10-01T09:00:00Z',
    });
    await rollUpStatistics(db, { rebuild: true });

    const last = (await get('/api/open-data/statistics?date=2020-12-31')).json();
    const after = (await get('/api/open-data/statistics?date=2021-01-01')).json();
    const gbLast = last.countries.find((c: { code: string }) => c.code === 'GB');
    const gbAfter = after.countries.find((c: { code: string }) => c.code === 'GB');
    expect(gbLast).toMatchObject({ participating: true, teachers: 3, schools: 1, projects: 1 });
    expect(gbAfter).toMatchObject({
      participating: false,
      teachers: 3,
      share: { teachers: null },
      rank: { teachers: null },
    });
    // Nothing else changed between the two days: Europe loses exactly the UK's teachers, school and founded project.
    expect(last.europe.teachers - after.europe.teachers).toBe(3);
    expect(last.europe.schools - after.europe.schools).toBe(1);
    expect(last.europe.projects - after.europe.projects).toBe(1);
    expect(last.europe.countries - after.europe.countries).toBe(1);
    const page = (await get('/api/open-data/statistics/GB?date=2022-01-01')).json();
    expect(page.country).toMatchObject({ code: 'GB', participating: false, teachers: 3 });
    expect(page.partners).toEqual([expect.objectContaining({ code: 'FR', projects: 1 })]);
    // The monthly series of Europe drops the UK from January 2021.
    const series = (await get('/api/open-data/series?date=2021-02-15')).json();
    const dec = series.points.find((p: { period: string }) => p.period === '2020-12');
    const jan = series.points.find((p: { period: string }) => p.period === '2021-01');
    expect(dec.teachers - jan.teachers).toBe(3);
  });
});

describe('bad input', () => {
  it('a date that does not exist, is badly written or is in the future → 422 with the field, in the caller’s language', async () => {
    for (const date of ['2016-02-30', '19-02-2016', 'yesterday', addDays(today, 1)]) {
      const res = await get(`/api/open-data/statistics?date=${date}`, { 'accept-language': 'es' });
      expect(res.statusCode, date).toBe(422);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.fields.date).toMatch(/fecha/i);
    }
    const en = await get(`/api/open-data/series?date=${addDays(today, 3)}&lang=en`);
    expect(en.statusCode).toBe(422);
    expect(en.json().error.fields.date).toBe('The date cannot be after today.');
  });

  it('a date long before the platform answers zeros, not an error', async () => {
    for (const date of ['0001-01-01', '0999-12-01', '1000-03-01']) {
      for (const url of [
        `/api/open-data/statistics?date=${date}`,
        `/api/open-data/series?country=ES&by=school-year&date=${date}`,
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
      }
      expect((await get(`/api/open-data/statistics?date=${date}`)).json().europe.teachers).toBe(0);
    }
  });

  it('an unknown country → 404 NOT_FOUND', async () => {
    for (const url of [
      '/api/open-data/statistics/XX',
      '/api/open-data/statistics/spain',
      '/api/open-data/series?country=XX',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await get('/api/open-data/statistics/XX?lang=es')).json().error.message).toBe(
      'No hay ningún país con el código XX.',
    );
    expect((await get('/api/statistics/chart.svg?country=ZZ')).statusCode).toBe(404);
  });
});

describe('open data', () => {
  it('JSON and CSV with ETag, Cache-Control and the licence; If-None-Match → 304', async () => {
    const res = await get('/api/open-data/statistics?date=2016-02-19');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['link']).toContain('creativecommons.org/licenses/by/4.0');
    expect(res.json().licence.name).toBe('CC BY 4.0');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/api/open-data/statistics?date=2016-02-19', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const todays = await get('/api/open-data/statistics');
    expect(todays.headers['cache-control']).toBe('public, max-age=300');

    const csv = await get('/api/open-data/statistics?date=2016-02-19&format=csv&lang=en');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'date,area,code,name,participating,teachers,schools,projects,projects_school_year,active_projects,share_teachers,rank_teachers,source,source_name,source_date',
    );
    const europe = res.json().europe;
    expect(lines[1]).toContain(
      `2016-02-19,europe,,Europe,true,${europe.teachers},${europe.schools},${europe.projects},`,
    );
    expect(lines.some((l) => l.startsWith('2016-02-19,country,ES,Spain,true,'))).toBe(true);
    const series = await get('/api/open-data/series?country=ES&by=school-year&date=2016-02-19&format=csv');
    expect(series.body.split('\n')[0]).toBe(
      'area,name,by,period,end,teachers,schools,projects,new_projects,active_projects,source',
    );
  });

  it('is documented in the OpenAPI under an open licence', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of ['/api/open-data/statistics', '/api/open-data/statistics/{code}', '/api/open-data/series']) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    expect(JSON.stringify(doc.tags)).toContain('CC BY 4.0');
  });

  it('map and chart are accessible SVG', async () => {
    const map = await get('/api/statistics/map.svg?date=2016-02-19&metric=teachers&lang=es');
    expect(map.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(map.body).toContain('Docentes registrados por país');
    expect(map.body).toMatch(/aria-label="España: \d/);
    const chart = await get(
      '/api/statistics/chart.svg?country=ES&by=school-year&metric=newProjects&date=2016-02-19&lang=en',
    );
    expect(chart.body).toMatch(/<svg[^>]*role="img"/);
    expect(chart.body).toContain('Projects approved, Spain, per school year');
    expect(chart.body).not.toMatch(/<style|style="/);
  });
});
