import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, skipBrowserTests } from './support/browser.ts';
import { useE2e } from './support/session.ts';
import { shows, signIn, visitor } from './support/pages.ts';

/** Validated demo teachers (apps/server/src/platform/seed/demo-data.json). */
const lucia = 'lucia.martin@demo.opentwinning.org';
const carmen = 'carmen.ruiz@demo.opentwinning.org';

const visit = visitor('search');

const results = (page: Page) => page.getByRole('region', { name: /^(Resultados|Results)$/ });
const cards = (page: Page) => results(page).getByRole('article');

describe.skipIf(skipBrowserTests)('partner search', () => {
  const e2e = useE2e();

  it('finds a teacher without typing accents, by facets, keeps the search in the address across languages, with 0 axe violations', async () => {
    const { page, open } = await e2e.newTab({ locale: 'es-ES' });
    await signIn(page, open, lucia);

    // 1. The header leads validated members to the search; every validated teacher but oneself shows.
    await open('/es');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Buscar' }).click();
    await page.waitForURL((url) => url.pathname === '/es/buscar');
    await shows(page.getByRole('heading', { name: 'Buscar socios', level: 1 }));
    const total = Number(/^(\d+) docentes$/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);
    await expect(cards(page).count()).resolves.toBe(20);
    await visit(page, 'all');

    // 2. Keyset pages: "More results" carries the cursor; the rest of the results, then back to the first page.
    await page.getByRole('link', { name: 'Más resultados' }).click();
    await page.waitForURL((url) => url.searchParams.has('cursor'));
    await shows(page.getByRole('link', { name: 'Volver a la primera página' }));
    await expect(cards(page).count()).resolves.toBe(total - 20);
    await expect(page.getByRole('link', { name: 'Más resultados' }).count()).resolves.toBe(0);
    await visit(page, 'page-2');
    await page.getByRole('link', { name: 'Volver a la primera página' }).click();
    await page.waitForURL((url) => url.pathname === '/es/buscar' && !url.searchParams.has('cursor'));

    // 3. "matematicas" (no accent) finds the teachers of Matemáticas.
    await page.getByLabel('Buscar', { exact: true }).fill('matematicas');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'matematicas');
    await shows(page.getByRole('status').getByText('2 docentes'));
    await shows(cards(page).getByRole('link', { name: 'Chiara Rossi' }));
    await shows(cards(page).getByRole('link', { name: 'Andrei Popescu' }));

    // 4. Ticking a country (Space on the focused box) searches at once and leaves the focus on the box.
    const italy = page.getByRole('checkbox', { name: 'Italia (1)' });
    await italy.focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.getAll('country').join() === 'IT');
    await shows(page.getByRole('status').getByText('1 docente'));
    await expect(cards(page).count()).resolves.toBe(1);
    const card = cards(page).first();
    await expect(card.getByRole('link', { name: 'Chiara Rossi' }).getAttribute('href')).resolves.toBe(
      '/es/personas/chiara.rossi',
    );
    await shows(card.getByText('Liceo Scientifico Galileo Galilei'));
    await shows(card.getByText('Firenze · Italia'));
    await shows(card.getByText('De 14 a 19 años'));
    await shows(card.getByText('Física, Matemáticas'));
    await expect(page.getByRole('checkbox', { name: 'Italia (1)' }).isChecked()).resolves.toBe(true);
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? ''),
      'the focus stays on the ticked box',
    ).resolves.toBe('IT');
    // The other country stays on offer with its count, so that several can be chosen.
    await shows(page.getByRole('checkbox', { name: 'Rumanía (1)' }));
    await visit(page, 'matematicas-italia');

    // 5. Another language, the same search.
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => url.pathname === '/en/search');
    const query = new URL(page.url()).searchParams;
    expect(query.get('q')).toBe('matematicas');
    expect(query.getAll('country')).toEqual(['IT']);
    await shows(page.getByRole('heading', { name: 'Find partners', level: 1 }));
    await expect(page.getByLabel('Search', { exact: true }).inputValue()).resolves.toBe('matematicas');
    await expect(page.getByRole('checkbox', { name: 'Italy (1)' }).isChecked()).resolves.toBe(true);
    await shows(page.getByRole('status').getByText('1 teacher'));
    await shows(cards(page).getByRole('link', { name: 'Chiara Rossi' }));
    await shows(cards(page).getByText('Physics, Mathematics'));
    await visit(page, 'english');

    // 6. Schools: none is called "matematicas" in Italy — an empty result with advice.
    await page.getByRole('radio', { name: 'Schools' }).check();
    await page.waitForURL((url) => url.searchParams.get('in') === 'schools');
    await shows(page.getByText('Nothing matches this search.'));
    await shows(page.getByText(/Try fewer filters/));
    await visit(page, 'schools-empty');

    // 7. A town without its accent finds the school, with its teachers.
    await page.getByRole('link', { name: 'Clear the filters' }).first().click();
    await page.waitForURL((url) => !url.searchParams.has('country'));
    await page.getByLabel('Search', { exact: true }).fill('cordoba');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'cordoba');
    const school = cards(page).filter({ hasText: 'IES Averroes' });
    await shows(school.getByText('Córdoba · Spain'));
    await shows(school.getByRole('link', { name: 'Carmen Ruiz' }));
    await visit(page, 'schools-cordoba');
  });

  it('on a phone: the filters come first, nothing scrolls sideways, and a link skips to the results', async () => {
    const { page, open } = await e2e.newTab({ locale: 'es-ES', viewport: { width: 375, height: 740 }, isMobile: true });
    await signIn(page, open, lucia);
    await open('/es/buscar?q=matematicas&in=teachers');
    await shows(cards(page).getByRole('link', { name: 'Chiara Rossi' }));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'the page scrolls sideways').toBeLessThanOrEqual(375);
    const form = await page.getByRole('search').boundingBox();
    const list = await results(page).boundingBox();
    expect(form!.y).toBeLessThan(list!.y);
    await page.getByRole('link', { name: 'Ir a los resultados' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('search-results');
    await visit(page, 'phone');
  });

  it('keeps the choices of the profile (search, daily email, language of the presentation) and honours an opt-out', async () => {
    const marta = { email: 'marta.serrano@demo.opentwinning.org', name: 'Marta Serrano' };
    const { page, open } = await e2e.newTab({ locale: 'es-ES' });
    await signIn(page, open, marta.email);
    await open('/es/mi-perfil');
    const discoverable = page.getByLabel('Mostrarme en la búsqueda de socios y en las sugerencias');
    const digest = page.getByLabel('Enviarme cada día un correo con mis avisos sin leer');
    const language = page.getByLabel('Idioma de tu presentación');
    await expect(discoverable.isChecked()).resolves.toBe(true);
    await expect(digest.isChecked()).resolves.toBe(false);
    await visit(page, 'profile');

    await discoverable.uncheck();
    await digest.check();
    await language.selectOption('en');
    await page.getByRole('button', { name: 'Guardar el perfil' }).click();
    await page.waitForURL((url) => url.searchParams.has('saved'));
    // Saved, and saving again without touching them keeps them (nothing is reset to a default).
    await page.getByRole('button', { name: 'Guardar el perfil' }).click();
    await page.waitForURL((url) => url.searchParams.has('saved'));
    await open('/es/mi-perfil');
    await expect(discoverable.isChecked()).resolves.toBe(false);
    await expect(digest.isChecked()).resolves.toBe(true);
    await expect(language.inputValue()).resolves.toBe('en');
    // "Same as my first working language" is no language of its own.
    await language.selectOption({ label: 'El mismo que mi primer idioma de trabajo' });
    await page.getByRole('button', { name: 'Guardar el perfil' }).click();
    await page.waitForURL((url) => url.searchParams.has('saved'));
    await open('/es/mi-perfil');
    await expect(language.inputValue()).resolves.toBe('');
    await expect(discoverable.isChecked()).resolves.toBe(false);

    // Another teacher no longer finds her.
    const other = await e2e.newTab({ locale: 'es-ES' });
    await signIn(other.page, other.open, lucia);
    await other.open('/es/buscar?q=marta+serrano');
    await shows(other.page.getByText('No hay resultados para esta búsqueda.'));
    await expect(cards(other.page).count()).resolves.toBe(0);
  });
});

/** Progressive enhancement: without scripts the search is a plain GET form and plain links. */
describe.skipIf(skipBrowserTests)('partner search without JavaScript', () => {
  const e2e = useE2e();

  it('answers the form with a full page load, the whole search in the address', async () => {
    const { page, open } = await e2e.newTab({ locale: 'es-ES', javaScriptEnabled: false });
    await signIn(page, open, carmen);
    await open('/es/buscar');
    await page.getByLabel('Buscar', { exact: true }).fill('rocio');
    await page.getByRole('checkbox', { name: /^España \(\d+\)$/ }).check();
    await page.getByLabel('Desde (años)').fill('14');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'rocio');
    const query = new URL(page.url()).searchParams;
    expect(query.getAll('country')).toEqual(['ES']);
    expect(query.get('ageMin')).toBe('14');
    await shows(page.getByRole('status').getByText('1 docente'));
    await shows(cards(page).getByRole('link', { name: 'Rocío Navarro' }));
    await expect(page.getByRole('checkbox', { name: 'España (1)' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Desde (años)').inputValue()).resolves.toBe('14');
    await screenshot(page, 'search-nojs');
  });
});
