import type { Page } from 'playwright-core';
import { checkA11y } from './a11y.ts';
import { screenshot } from './browser.ts';

/** The password of every demo account (apps/server/src/platform/seed/demo-data.ts). */
export const DEMO_PASSWORD = 'opentwinning-demo';

/** Every page of a journey is photographed (`<journey>-<name>.png`) and checked with axe. */
export const visitor =
  (journey: string) =>
  async (page: Page, name: string): Promise<void> => {
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${journey}-${name}`);
    await checkA11y(page);
  };

/** Waits until the locator shows (after a navigation or a form post). */
export const shows = (locator: ReturnType<Page['getByText']>) => locator.first().waitFor({ timeout: 15_000 });

/** Signs in through the sign-in page, in Spanish or English pages. */
export async function signIn(
  page: Page,
  open: (path: string) => Promise<void>,
  email: string,
  { lang = 'es', password = DEMO_PASSWORD }: { lang?: 'es' | 'en'; password?: string } = {},
): Promise<void> {
  const words = {
    es: { path: '/es/entrar', email: 'Correo electrónico', password: 'Contraseña', submit: 'Entrar' },
    en: { path: '/en/sign-in', email: 'Email', password: 'Password', submit: 'Sign in' },
  }[lang];
  await open(words.path);
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith(words.path));
}
