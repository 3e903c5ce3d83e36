import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('health and readiness', () => {
  it('GET /api/health answers while the process is up', async () => {
    const res = await ctx.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/ready answers 200 while the database answers', async () => {
    const res = await ctx.app.inject('/api/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'server' : 'embedded' });
  });

  it('GET /api/ready answers 503 SERVICE_UNAVAILABLE once the database is gone, /api/health still 200', async () => {
    await ctx.database.close();
    const ready = await ctx.app.inject({ url: '/api/ready', headers: { 'accept-language': 'es' } });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'La base de datos no responde.' });
    expect((await ctx.app.inject('/api/health')).statusCode).toBe(200);
  });
});
