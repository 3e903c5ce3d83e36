import { describe, expect, it } from 'vitest';
import { screenshot, skipBrowserTests } from './support/browser.ts';
import { listedCountries, mapCountries, readFigures } from './support/countries.ts';
import { useE2e } from './support/session.ts';

/** Progressive enhancement: with scripts off, the countries page works as plain HTML. */
describe.skipIf(skipBrowserTests)('without JavaScript', () => {
  const e2e = useE2e();
  const noScript = { javaScriptEnabled: false };

  it('shows the map and answers the date form with a full page load', async () => {
    const { page, open } = await e2e.newTab({ ...noScript, locale: 'en-GB' });
    await open('/en/countries');
    const map = page.locator('svg.countries-map');
    await expect(map.count()).resolves.toBe(1);
    const drawn = await mapCountries(page).count();
    expect(drawn).toBeGreaterThan(0);
    await expect(mapCountries(page).locator('title').count()).resolves.toBe(drawn);

    await page.getByLabel('As of').fill('2021-06-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === '2021-06-01');
    expect(e2e.where(page)).toBe('/en/countries?date=2021-06-01');
    const listed = await listedCountries(page);
    expect(listed).not.toContain('United Kingdom');
    expect(listed).toEqual(expect.arrayContaining(['Jordan', 'Lebanon']));
    const titles = await mapCountries(page).locator('title').allTextContents();
    expect(
      titles.some((t) => t.includes('United Kingdom')),
      'the UK is drawn as participating',
    ).toBe(false);
    expect((await readFigures(page)).total).toBe(await mapCountries(page).count());
    await screenshot(page, 'nojs-countries-en-2021-06-01');
  });

  it('switches language as a plain link, keeping the page and the date', async () => {
    const { page, open } = await e2e.newTab({ ...noScript, locale: 'es-ES' });
    await open('/es/paises?date=2016-02-19');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => url.pathname === '/en/countries');
    expect(e2e.where(page)).toBe('/en/countries?date=2016-02-19');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Participating countries');
    expect((await readFigures(page)).total).toBe(41);

    await open('/en/about');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await page.waitForURL((url) => url.pathname === '/es/que-es');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
  });

  it('explains an impossible date in the page language', async () => {
    const { page, open } = await e2e.newTab({ ...noScript, locale: 'en-GB' });
    await open('/en/countries?date=2016-02-31');
    const alertEn = page.getByRole('alert');
    await expect(alertEn.count()).resolves.toBe(1);
    const textEn = (await alertEn.textContent()) ?? '';
    // The alert names what was typed (a date field cannot show an impossible date); the field says why.
    expect(textEn).toContain('We cannot show the date “2016-02-31”');
    const fieldEn = page.getByLabel('As of');
    await expect(fieldEn.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#as-of-error').textContent()).resolves.toBe('That date does not exist in the calendar.');
    await expect(fieldEn.getAttribute('aria-describedby')).resolves.toContain('as-of-error');
    await screenshot(page, 'nojs-countries-en-invalid-date');

    await open('/es/paises?date=2016-02-31');
    const alertEs = page.getByRole('alert');
    await expect(alertEs.count()).resolves.toBe(1);
    const textEs = (await alertEs.textContent()) ?? '';
    expect(textEs).toContain('No podemos mostrar la fecha «2016-02-31»');
    await expect(page.locator('#as-of-error').textContent()).resolves.toBe('Esa fecha no existe en el calendario.');
    await screenshot(page, 'nojs-countries-es-invalid-date');
  });
});
