import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const get = (url: string, lang = 'en') => ctx.app.inject({ url, headers: { 'accept-language': lang } });
const codes = (body: { countries: { code: string }[] }) => body.countries.map((c) => c.code);

describe('GET /api/countries (R-CTRY-2)', () => {
  it('lists the 41 countries of 19 February 2016: 28 EU, 7 candidate or special, 6 eTwinning Plus', async () => {
    const res = await get('/api/countries?date=2016-02-19');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.date).toBe('2016-02-19');
    expect(body.total).toBe(41);
    expect(body.counts).toEqual({ eu_member: 28, candidate_or_special: 7, etwinning_plus: 6 });
    expect(body.countries).toHaveLength(41);
    expect(codes(body)).toEqual(expect.arrayContaining(['GB', 'HR', 'MK', 'TR', 'AL', 'BA', 'RS', 'TN', 'UA']));
    expect(codes(body)).not.toContain('LI');
    expect(codes(body)).not.toContain('JO');
  });

  it('has no United Kingdom on 2021-06-01, and Jordan and Lebanon are there', async () => {
    const body = (await get('/api/countries?date=2021-06-01')).json();
    expect(codes(body)).not.toContain('GB');
    expect(codes(body)).toEqual(expect.arrayContaining(['JO', 'LB', 'LI']));
    expect(body.counts.etwinning_plus).toBe(8);
  });

  it('keeps the United Kingdom up to its last day, 2020-12-31', async () => {
    expect(codes((await get('/api/countries?date=2020-12-31')).json())).toContain('GB');
    expect(codes((await get('/api/countries?date=2021-01-01')).json())).not.toContain('GB');
  });

  it('has Montenegro on 2023-01-01 (44 countries) but not before April 2022', async () => {
    const body = (await get('/api/countries?date=2023-01-01')).json();
    expect(codes(body)).toContain('ME');
    expect(body.total).toBe(44);
    expect(codes((await get('/api/countries?date=2022-03-31')).json())).not.toContain('ME');
  });

  it('answers for today when no date is given', async () => {
    const body = (await get('/api/countries')).json();
    expect(body.date).toBe(new Date().toISOString().slice(0, 10));
    expect(body.total).toBeGreaterThan(0);
  });

  it('names countries and support services in the caller language, sorted by name', async () => {
    const es = (await get('/api/countries?date=2016-02-19', 'es')).json();
    const en = (await get('/api/countries?date=2016-02-19', 'en')).json();
    const de = (list: { code: string; name: string }[]) => list.find((c) => c.code === 'DE')!;
    expect(de(es.countries).name).toBe('Alemania');
    expect(de(en.countries).name).toBe('Germany');
    expect(es.countries[0].name).toBe('Albania');
    const am = en.countries.find((c: { code: string }) => c.code === 'AM');
    expect(am.supportBody).toBe('PSA');
    expect(am.supportService.name).toBe('Partner Support Agency of Armenia');
    const spain = es.countries.find((c: { code: string }) => c.code === 'ES');
    expect(spain.supportService.website).toBe('https://etwinning.es');
  });

  it.each([
    ['2016-02-31', 'en', 'That date does not exist in the calendar.'],
    ['abc', 'en', 'Write the date as YYYY-MM-DD (for example, 2016-02-19).'],
    ['2016-02-31', 'es', 'Esa fecha no existe en el calendario.'],
    ['19/02/2016', 'es', 'Escribe la fecha como AAAA-MM-DD (por ejemplo, 2016-02-19).'],
  ])('refuses date=%s with 422 VALIDATION in %s', async (date, lang, fieldMessage) => {
    const res = await get(`/api/countries?date=${encodeURIComponent(date)}`, lang);
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ date: fieldMessage });
    expect(error.message).toBe(
      lang === 'es'
        ? 'Algunos datos no son válidos. Revisa los campos señalados.'
        : 'Some data is not valid. Check the fields marked.',
    );
    expect(error.requestId).toBe(res.headers['x-request-id']);
  });
});

describe('GET /api/countries/map.svg', () => {
  it('draws each participating country as a labelled shape', async () => {
    const res = await get('/api/countries/map.svg?date=2016-02-19&lang=es');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const symbols = res.body.match(/<path [^>]*role="graphics-symbol"[^>]*>/g) ?? [];
    expect(symbols).toHaveLength(41);
    expect(res.body).toContain('<title>España: Estado miembro de la UE</title>');
    expect(res.body).toContain('<title>Túnez: País vecino (antes eTwinning Plus)</title>');
    expect(res.body).toMatch(/<title id="countries-map-title">Países participantes el 2016-02-19<\/title>/);
    // Strict CSP: no inline styles, no scripts.
    expect(res.body).not.toMatch(/style=|<style|<script/);
  });

  it('colours by category', async () => {
    const body = (await get('/api/countries/map.svg?date=2023-01-01')).body;
    const fillOf = (code: string) => body.match(new RegExp(`fill="(#[0-9a-f]{6})"[^>]*data-code="${code}"`))?.[1];
    expect(fillOf('FR')).toBe(fillOf('DE'));
    expect(fillOf('ME')).toBe(fillOf('NO'));
    expect(fillOf('JO')).toBe(fillOf('UA'));
    expect(new Set([fillOf('FR'), fillOf('NO'), fillOf('UA')]).size).toBe(3);
    expect(body).not.toContain('data-code="GB"');
  });

  it('refuses an invalid date like the list does', async () => {
    const res = await get('/api/countries/map.svg?date=2016-13-01');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});

describe('GET /api/countries/history and /api/countries/:code', () => {
  it('lists every dated change oldest first, each with a source', async () => {
    const { events } = (await get('/api/countries/history')).json();
    const dates = events.map((e: { on: string }) => e.on);
    expect(dates).toEqual([...dates].sort());
    expect(events.every((e: { source: string }) => e.source.length > 10)).toBe(true);
    const find = (code: string, kind: string) =>
      events.find((e: { code: string; kind: string }) => e.code === code && e.kind === kind);
    expect(find('GB', 'left')).toMatchObject({ on: '2020-12-31' });
    expect(find('JO', 'joined')).toMatchObject({ on: '2018-02-01', approximate: true });
    expect(find('LB', 'joined')).toMatchObject({ on: '2018-07-01' });
    expect(find('ME', 'joined')).toMatchObject({ on: '2022-04-01' });
    expect(find('LI', 'joined')).toMatchObject({ on: '2019-01-01', approximate: true });
  });

  it('gives Spain with its 19 autonomous communities and cities (R-CTRY-3)', async () => {
    const res = await get('/api/countries/es', 'es');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code: 'ES', name: 'España', hasRegions: true });
    expect(body.regions).toHaveLength(19);
    expect(body.regions.map((r: { name: string }) => r.name)).toContain('Andalucía');
  });

  it('answers 404 NOT_FOUND for an unknown country and 422 for a malformed code', async () => {
    const missing = await get('/api/countries/XX', 'es');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'No hay ningún país con el código XX.' });
    const malformed = await get('/api/countries/ESP');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.fields).toEqual({ code: 'A country code has two letters (for example, ES).' });
  });

  it('names the one central support service', async () => {
    const res = await get('/api/support-services/central', 'es');
    expect(res.json()).toEqual({ name: 'Servicio Central de Apoyo', website: null });
  });
});
