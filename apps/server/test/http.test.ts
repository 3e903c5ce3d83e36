import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({
    // A route that fails unexpectedly, to see what a caller gets.
    extraRoutes: (app) =>
      app.get('/api/test/boom', async () => {
        throw new Error('secret internal detail: password=hunter2 at /srv/app.ts:42');
      }),
  });
});
afterAll(() => ctx.close());

describe('error model', () => {
  it('answers an unknown API address with a JSON 404 in the caller language', async () => {
    const res = await ctx.app.inject({ url: '/api/nope', headers: { 'accept-language': 'es-ES,es;q=0.9' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'No hemos encontrado lo que buscas.' });
  });

  it('answers an unexpected failure with 500 INTERNAL, a request id and no internals', async () => {
    const res = await ctx.app.inject({ url: '/api/test/boom', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    const { error } = res.json();
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/^Something went wrong on our side/);
    expect(error.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/secret|hunter2|app\.ts|stack/i);
  });

  it('answers input the database refuses (NUL byte, out-of-range number, year 0) with 422, not 500', async () => {
    const cases = ['/api/countries?date=0000-01-01', '/api/countries/map.svg?date=0000-01-01'];
    for (const url of cases) expect((await ctx.app.inject(url)).statusCode, url).toBe(422);
    const nul = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        email: 'nul@x.org',
        password: 'correct horse battery',
        username: 'nuluser',
        firstName: 'A\u0000',
        lastName: 'B',
        acceptCodeOfConduct: true,
      },
    });
    expect(nul.statusCode).toBe(422);
    expect(nul.json().error.code).toBe('VALIDATION');
  });

  it('uses the lang query parameter over Accept-Language, and falls back to Spanish', async () => {
    const viaQuery = await ctx.app.inject({
      url: '/api/countries?date=x&lang=en',
      headers: { 'accept-language': 'es' },
    });
    expect(viaQuery.json().error.message).toBe('Some data is not valid. Check the fields marked.');
    const fallback = await ctx.app.inject({ url: '/api/countries?date=x', headers: { 'accept-language': 'fr-FR' } });
    expect(fallback.json().error.message).toBe('Algunos datos no son válidos. Revisa los campos señalados.');
  });

  it('keeps a well-formed request id given by a proxy', async () => {
    const res = await ctx.app.inject({ url: '/api/health', headers: { 'x-request-id': 'edge-1234abcd' } });
    expect(res.headers['x-request-id']).toBe('edge-1234abcd');
  });
});

describe('security headers on the API', () => {
  it('sends a strict Content-Security-Policy and the usual protections', async () => {
    const res = await ctx.app.inject('/api/countries');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('OpenAPI', () => {
  it('publishes a valid OpenAPI 3 document describing every API route', async () => {
    const res = await ctx.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenAPIV3.Document;
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/ready',
        '/api/countries',
        '/api/countries/map.svg',
        '/api/countries/{code}',
      ]),
    );
    const countries = doc.paths['/api/countries']?.get;
    expect(Object.keys(countries?.responses ?? {})).toEqual(expect.arrayContaining(['200', '422']));
  });

  it('serves a documentation page at /api/docs', async () => {
    const res = await ctx.app.inject('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});
