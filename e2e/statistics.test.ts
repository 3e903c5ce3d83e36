import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateStatistics, readTargets } from '../bench/statistics-data.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';
import { rollUpStatistics } from '../apps/server/src/modules/statistics/statistics.rollup.ts';
import { checkA11y } from './support/a11y.ts';
import { screenshot, skipBrowserTests } from './support/browser.ts';
import { useE2e } from './support/session.ts';

const DATE = '2016-02-19';

/** The seed's table at 1/100, written into the server's data directory before it starts. */
async function seedTableAtOneHundredth(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    const csv = readFileSync(new URL('../bench/statistics-targets.csv', import.meta.url), 'utf8');
    await generateStatistics(database.pool, { date: DATE, targets: readTargets(csv), scale: 0.01 });
    await rollUpStatistics(database.db, { rebuild: true });
  } finally {
    await database.close();
  }
}

const figure = (page: Page, key: string) => page.getByTestId(`figure-${key}`).first().textContent();

/** The chart and the map are drawn (not just present): they have a size on the page. */
async function expectDrawn(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.width, selector).toBeGreaterThan(200);
  expect(box!.height, selector).toBeGreaterThan(100);
}

describe.skipIf(skipBrowserTests)("statistics: the seed's table at 1/100 (19 February 2016)", () => {
  const e2e = useE2e({ prepare: seedTableAtOneHundredth });

  it('Spanish page without JavaScript: Europe 3.616 teachers, 1.551 schools, 475 projects; map, charts and tables', async () => {
    const { page, open } = await e2e.newTab({ javaScriptEnabled: false, locale: 'es-ES' });
    await open(`/es/estadisticas?date=${DATE}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Estadísticas');
    expect(await figure(page, 'teachers')).toBe('3.616');
    expect(await figure(page, 'schools')).toBe('1.551');
    expect(await figure(page, 'projects')).toBe('475');
    // The map: every participating country a named shape, Spain with its figure.
    await expectDrawn(page, '#stats-map svg[role="graphics-document"]');
    await expect(page.locator('#stats-map [aria-label="España: 301"]').count()).resolves.toBe(1);
    // The charts, each with its data table behind.
    await expectDrawn(page, '.stats-chart svg[role="img"]');
    expect(await page.locator('.stats-chart details table').count()).toBeGreaterThanOrEqual(2);
    // The countries table: Spain's row.
    const spain = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'España' }) });
    const cells = await spain.getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['301', '114']);
    await screenshot(page, 'statistics-es-nojs');

    // Sorting by schools without JavaScript: a plain link, the order comes from the server.
    await page
      .getByRole('columnheader', { name: /Centros/ })
      .getByRole('link')
      .click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'schools');
    const sorted = page.getByRole('columnheader', { name: /Centros/ });
    expect(await sorted.getAttribute('aria-sort')).toMatch(/ascending|descending/);
    expect(new URL(page.url()).searchParams.get('date')).toBe(DATE);
  });

  it("Spain's page in English without JavaScript: 301 teachers, 114 schools, 23 projects in 2015-16", async () => {
    const { page, open } = await e2e.newTab({ javaScriptEnabled: false, locale: 'en-GB' });
    await open(`/en/statistics/ES?date=${DATE}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Spain');
    expect(await figure(page, 'teachers')).toBe('301');
    expect(await figure(page, 'schools')).toBe('114');
    expect(await figure(page, 'projectsThisSchoolYear')).toBe('23');
    await expectDrawn(page, '.stats-chart svg[role="img"]');
    expect(await page.locator('.stats-chart svg title').first().textContent()).toContain('Spain');
    expect(await page.getByRole('heading', { name: /partner countries/i }).count()).toBe(1);
    await screenshot(page, 'statistics-en-spain-nojs');
  });

  it('with JavaScript, both languages are axe-clean; the open data give the same figures', async () => {
    const { page, open, context } = await e2e.newTab({ locale: 'en-GB' });
    for (const path of [
      `/es/estadisticas?date=${DATE}`,
      `/en/statistics?date=${DATE}`,
      `/en/statistics/ES?date=${DATE}`,
    ]) {
      await open(path, 'networkidle');
      await checkA11y(page);
    }
    await screenshot(page, 'statistics-en-spain');
    const json = await (await context.request.get(`/api/open-data/statistics?date=${DATE}`)).json();
    expect(json.europe).toMatchObject({ teachers: 3616, schools: 1551, projects: 475 });
    expect(json.countries.find((c: { code: string }) => c.code === 'ES')).toMatchObject({
      teachers: 301,
      schools: 114,
      projectsThisSchoolYear: 23,
    });
    const csv = await (await context.request.get(`/api/open-data/statistics?date=${DATE}&format=csv&lang=en`)).text();
    expect(csv.split('\n')[1]).toMatch(/^2016-02-19,europe,,Europe,true,3616,1551,475,/);
  });
});
