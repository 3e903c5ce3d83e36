// The seed's table (19 February 2016) generated at 1/100 scale: the open data answer exactly the
// scaled figures, and every country's figures equal direct counts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStatistics, readTargets, type GenerationResult } from '../../../../../bench/statistics-data.ts';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call } from '../../../test/support/factories.ts';
import { rollUpStatistics } from './statistics.rollup.ts';
import { directCount, directEuropeProjects } from './statistics.test-support.ts';

const DATE = '2016-02-19';
const targetsFile = new URL('../../../../../bench/statistics-targets.csv', import.meta.url);
let t: TestContext;
let generated: GenerationResult;

beforeAll(async () => {
  t = await createTestApp();
  generated = await generateStatistics(t.database.pool, {
    date: DATE,
    targets: readTargets(readFileSync(targetsFile, 'utf8')),
    scale: 0.01,
  });
  await rollUpStatistics(t.database.db, { rebuild: true });
}, 120_000);
afterAll(() => t.close());

describe("the seed's table at 1/100", () => {
  it('open data on 2016-02-19: Europe 475 projects, 1,551 schools, 3,616 teachers; Spain 23 projects in 2015-16, 114 schools, 301 teachers', async () => {
    const body = (await call(t, 'GET', `/api/open-data/statistics?date=${DATE}`)).json();
    expect(body.europe).toMatchObject({ projects: 475, schools: 1551, teachers: 3616 });
    const es = body.countries.find((c: { code: string }) => c.code === 'ES');
    expect(es).toMatchObject({ projectsThisSchoolYear: 23, schools: 114, teachers: 301 });
    expect(body.schoolYear.label).toBe('2015-16');

    const csv = (await call(t, 'GET', `/api/open-data/statistics?date=${DATE}&format=csv&lang=en`)).body.split('\n');
    expect(csv[1]).toMatch(/^2016-02-19,europe,,Europe,true,3616,1551,475,/);
    expect(csv.find((l) => l.includes(',ES,'))).toMatch(/^2016-02-19,country,ES,Spain,true,301,114,\d+,23,/);

    const spain = (await call(t, 'GET', `/api/open-data/statistics/ES?date=${DATE}`)).json();
    expect(spain.country).toMatchObject({ teachers: 301, schools: 114, projectsThisSchoolYear: 23 });
    expect(spain.partners.length).toBeGreaterThan(3);
  });

  it("every country's figures equal the generator's and direct counts; the noise does not count", async () => {
    const body = (await call(t, 'GET', `/api/open-data/statistics?date=${DATE}`)).json();
    for (const c of body.countries as { code: string; teachers: number; schools: number; projects: number }[]) {
      const direct = await directCount(t.database.db, c.code, DATE, '2015-09-01');
      expect({ teachers: c.teachers, schools: c.schools, projects: c.projects }, c.code).toEqual({
        teachers: direct.teachers,
        schools: direct.schools,
        projects: direct.projects,
      });
      const expected = generated.expected.get(c.code);
      if (expected) expect(c.teachers, c.code).toBe(expected.teachers);
    }
    expect(body.europe.projects).toBe(await directEuropeProjects(t.database.db, DATE));
    // Data after the date (validations, approvals) exists and shows later.
    const later = (await call(t, 'GET', '/api/open-data/statistics?date=2017-06-30')).json();
    expect(later.europe.teachers).toBeGreaterThan(3616);
  });
});
