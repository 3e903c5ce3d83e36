import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebHandler } from '../src/server.ts';
import { createTestApp, type TestContext } from './support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  const web = await loadWebHandler();
  if (!web) throw new Error('The web UI is not built: run `npm run build` first (npm test does).');
  ctx = await createTestApp({ web });
});
afterAll(() => ctx.close());

const page = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers });

describe('web pages served behind the API (server-side rendering)', () => {
  it.each([
    ['en-GB,en;q=0.9,es;q=0.5', '/en'],
    ['es-ES', '/es'],
    ['fr-FR,de;q=0.8', '/es'],
    ['', '/es'],
  ])('"/" with Accept-Language "%s" goes to %s', async (acceptLanguage, target) => {
    const res = await page('/', acceptLanguage ? { 'accept-language': acceptLanguage } : {});
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(target);
  });

  it('remembers the language of the last page seen for the next visit to "/"', async () => {
    const visit = await page('/en/about', { 'accept-language': 'es' });
    const cookie = String(visit.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe('lang=en');
    expect((await page('/', { 'accept-language': 'es', cookie })).headers.location).toBe('/en');
  });

  it.each([
    ['/es', 'es', 'Proyectos entre centros escolares'],
    ['/en', 'en', 'Projects between schools'],
    ['/es/que-es', 'es', 'Qué es el hermanamiento escolar'],
    ['/en/about', 'en', 'What school twinning is'],
    ['/es/paises', 'es', 'Países participantes'],
    ['/en/countries', 'en', 'Participating countries'],
  ])('%s renders in %s with its title', async (url, lang, h1) => {
    const res = await page(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<html lang="${lang}">`);
    expect(res.body).toMatch(new RegExp(`<h1[^>]*>${h1}`));
    expect(res.body).toContain('href="#main"');
  });

  it('draws the map in the HTML itself, so it shows without JavaScript', async () => {
    const res = await page('/en/countries?date=2016-02-19');
    expect(res.body).toMatch(/<svg[^>]*class="countries-map"/);
    expect(res.body.match(/role="graphics-symbol"/g)).toHaveLength(41);
    expect(res.body).toContain('data-testid="count-total">41<');
    expect(res.body).not.toMatch(/<script[^>]*src=/); // this page ships no client script
  });

  it('shows an invalid date as a translated error next to the field', async () => {
    const res = await page('/es/paises?date=2016-02-31');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Esa fecha no existe en el calendario.');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('sends each language to its own slug, keeping the query', async () => {
    const res = await page('/en/paises?date=2016-02-19');
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe('/en/countries?date=2016-02-19');
    const switcher = (await page('/es/paises?date=2016-02-19')).body;
    expect(switcher).toContain('href="/en/countries?date=2016-02-19"');
  });

  it('answers an unknown page with a 404 page in the right language', async () => {
    const res = await page('/en/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.body).toContain('<html lang="en">');
  });

  it('protects pages with a strict CSP (nonces, no unsafe-inline scripts) and security headers', async () => {
    const res = await page('/es');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
