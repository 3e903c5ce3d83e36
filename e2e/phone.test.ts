import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.ts';
import { screenshot, skipBrowserTests } from './support/browser.ts';
import { useE2e } from './support/session.ts';

const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', text: (el?.textContent ?? '').trim() };
  });

describe.skipIf(skipBrowserTests)('on a phone (375 × 740)', () => {
  const e2e = useE2e();

  for (const [lang, locale, skipText] of [
    ['es', 'es-ES', 'Saltar al contenido'],
    ['en', 'en-GB', 'Skip to content'],
  ] as const) {
    it(`home /${lang}: no horizontal scroll, the skip link comes first and works`, async () => {
      const { page, open } = await e2e.newTab({ ...phone, locale });
      await open(`/${lang}`, 'networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'the page scrolls sideways').toBeLessThanOrEqual(375);

      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe(skipText);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page)).id).toBe('main');
      await screenshot(page, `phone-home-${lang}`);
      await checkA11y(page);
    });
  }

  it('countries page: no horizontal scroll', async () => {
    const { page, open } = await e2e.newTab({ ...phone, locale: 'es-ES' });
    await open('/es/paises?date=2016-02-19');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'the page scrolls sideways').toBeLessThanOrEqual(375);
    await screenshot(page, 'phone-countries-es');
  });
});
