import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.ts';
import { screenshot, skipBrowserTests } from './support/browser.ts';
import { mapCountries, readFigures } from './support/countries.ts';
import { useE2e } from './support/session.ts';

type Marked = Window & { __marker?: number };
const htmlLang = () => document.documentElement.lang;
const marker = () => (window as Marked).__marker;

describe.skipIf(skipBrowserTests)('journey: languages, client navigation, countries on a date', () => {
  const e2e = useE2e();

  it('sends an English browser from / to /en', async () => {
    const { page, open } = await e2e.newTab({ locale: 'en-GB' });
    await open('/');
    expect(e2e.where(page)).toBe('/en');
    expect(await page.evaluate(htmlLang)).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Projects between schools');
    await screenshot(page, 'home-en');
    await checkA11y(page);
  });

  it('remembers the chosen language for the next visit to /', async () => {
    const { page, open } = await e2e.newTab({ locale: 'es-ES' });
    await open('/en');
    await open('/');
    expect(e2e.where(page)).toBe('/en');
  });

  it('switches language on the client, then shows the countries on 19 February 2016', async () => {
    const { page, open } = await e2e.newTab({ locale: 'es-ES' });
    await open('/', 'networkidle'); // hydrated: the links are handled by the client router
    expect(e2e.where(page)).toBe('/es');
    expect(await page.evaluate(htmlLang)).toBe('es');
    await screenshot(page, 'home-es');
    await checkA11y(page);

    await page.evaluate(() => ((window as Marked).__marker = 1));
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => url.pathname === '/en');
    await expect.poll(() => page.evaluate(htmlLang)).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Projects between schools');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Countries' }).count(),
    ).resolves.toBe(1);
    expect(await page.evaluate(marker), 'the switch reloaded the document').toBe(1);
    await checkA11y(page);

    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await page.waitForURL((url) => url.pathname === '/es');
    await expect.poll(() => page.evaluate(htmlLang)).toBe('es');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Proyectos entre centros');
    expect(await page.evaluate(marker), 'the switch back reloaded the document').toBe(1);

    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Países' }).click();
    await page.waitForURL((url) => url.pathname === '/es/paises');
    await page.getByLabel('A fecha de').fill('2016-02-19');
    await page.getByRole('button', { name: 'Mostrar' }).click();
    await page.waitForURL((url) => url.pathname === '/es/paises' && url.searchParams.get('date') === '2016-02-19');
    expect(await page.evaluate(htmlLang)).toBe('es');
    expect(await readFigures(page)).toEqual({ total: 41, eu_member: 28, candidate_or_special: 7, etwinning_plus: 6 });
    await expect(mapCountries(page).count()).resolves.toBe(41);
    await screenshot(page, 'countries-es-2016-02-19');
    await checkA11y(page);

    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => url.pathname === '/en/countries');
    expect(e2e.where(page)).toBe('/en/countries?date=2016-02-19');
    expect(await page.evaluate(htmlLang)).toBe('en');
    await expect(page.getByLabel('As of').inputValue()).resolves.toBe('2016-02-19');
    expect(await readFigures(page)).toEqual({ total: 41, eu_member: 28, candidate_or_special: 7, etwinning_plus: 6 });
    await expect(mapCountries(page).count()).resolves.toBe(41);
    await screenshot(page, 'countries-en-2016-02-19');
    await checkA11y(page);
  });

  it('submits the English form ("As of" → "Show")', async () => {
    const { page, open } = await e2e.newTab({ locale: 'en-GB' });
    await open('/en/countries');
    await page.getByLabel('As of').fill('2016-02-19');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === '2016-02-19');
    expect(e2e.where(page)).toBe('/en/countries?date=2016-02-19');
    expect(await readFigures(page)).toEqual({ total: 41, eu_member: 28, candidate_or_special: 7, etwinning_plus: 6 });
    await expect(mapCountries(page).count()).resolves.toBe(41);
    await screenshot(page, 'countries-en-form');
  });

  it('shows the about page in both languages', async () => {
    const { page, open } = await e2e.newTab({ locale: 'es-ES' });
    await open('/es', 'networkidle');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Qué es' }).click();
    await page.waitForURL((url) => url.pathname === '/es/que-es');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('hermanamiento');
    await screenshot(page, 'about-es');
    await checkA11y(page);

    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => url.pathname === '/en/about');
    await expect.poll(() => page.evaluate(htmlLang)).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('What school twinning is');
    await screenshot(page, 'about-en');
    await checkA11y(page);
  });
});
