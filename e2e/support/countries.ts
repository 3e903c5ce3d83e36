import type { Page } from 'playwright-core';

export const CATEGORIES = ['total', 'eu_member', 'candidate_or_special', 'etwinning_plus'] as const;
export type Figures = Record<(typeof CATEGORIES)[number], number>;

/** The figures of the countries page, as numbers (they are formatted for the page's language). */
export async function readFigures(page: Page): Promise<Figures> {
  const entries = await Promise.all(
    CATEGORIES.map(async (c) => {
      const text = await page.getByTestId(`count-${c}`).textContent({ timeout: 5_000 });
      return [c, Number((text ?? '').replace(/\D/g, ''))] as const;
    }),
  );
  return Object.fromEntries(entries) as Figures;
}

/** The names in the lists of countries by category. */
export async function listedCountries(page: Page): Promise<string[]> {
  const names = await page.locator('[data-testid^="group-"] li').allTextContents();
  return names.map((n) => n.trim());
}

/** The participating countries drawn on the map (each a graphics-symbol with a <title>). */
export function mapCountries(page: Page) {
  return page.locator('svg.countries-map path[role="graphics-symbol"]');
}
