import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/platform/seed/seed.ts';
import { DEMO_PASSWORD } from '../src/platform/seed/demo-data.ts';
import { createTestApp, type TestContext } from './support/test-app.ts';
import { call, sessionCookie } from './support/factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ env: 'development' });
  expect(await seedDemoData(t.database.db)).toBe(true);
  expect(await seedDemoData(t.database.db)).toBe(false); // once only
});
afterAll(() => t.close());

const count = async (q: string) => (await t.database.pool.query(q)).rows[0].n as number;

describe('demo data', () => {
  it('has a CSS officer, NSS officers for ES FR IT PL TR, an Andalusian coordinator, ~40 teachers in ~25 schools of ~10 countries', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM role_assignment WHERE role = 'css_officer'`)).toBe(1);
    const nss = await t.database.pool.query(
      `SELECT country_code FROM role_assignment WHERE role = 'nss_officer' ORDER BY 1`,
    );
    expect(nss.rows.map((r) => r.country_code)).toEqual(['ES', 'FR', 'IT', 'PL', 'TR']);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM role_assignment r JOIN region g ON g.id = r.region_id WHERE g.code = 'ES-AN'`,
      ),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM affiliation`)).toBe(40);
    expect(await count(`SELECT count(*)::int AS n FROM school`)).toBe(25);
    expect(await count(`SELECT count(DISTINCT country_code)::int AS n FROM school`)).toBeGreaterThanOrEqual(10);
    expect(await count(`SELECT count(*)::int AS n FROM affiliation WHERE status = 'pending'`)).toBeGreaterThanOrEqual(
      5,
    );
  });

  it('gives partner finding something to show: findable teachers, contacts, conversations, forum posts', async () => {
    const findable = await count(`SELECT count(*)::int AS n FROM partner_profile`);
    const validated = await count(
      `SELECT count(DISTINCT person_id)::int AS n FROM affiliation WHERE status = 'validated' AND ended_at IS NULL`,
    );
    expect(findable).toBe(validated);
    expect(await count(`SELECT count(*)::int AS n FROM contact_request WHERE status = 'accepted'`)).toBeGreaterThan(5);
    expect(await count(`SELECT count(*)::int AS n FROM contact_request WHERE status = 'pending'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM message`)).toBeGreaterThan(3);
    expect(await count(`SELECT count(*)::int AS n FROM partner_post WHERE status = 'open'`)).toBeGreaterThan(2);
    expect(await count(`SELECT count(*)::int AS n FROM partner_post_reply`)).toBeGreaterThan(2);
    // Lucía (Granada) finds Sophie (Lille) by "conte eleves": stemmed as French, accents folded.
    const signIn = await call(t, 'POST', '/api/auth/sign-in', {
      body: { email: 'lucia.martin@demo.opentwinning.org', password: DEMO_PASSWORD },
    });
    const cookie = sessionCookie(signIn);
    const found = await call(t, 'GET', '/api/search/teachers?q=conte eleves&country=FR', { cookie });
    expect(found.json().items.map((i: { username: string }) => i.username)).toContain('sophie.laurent');
    const suggestions = await call(t, 'GET', '/api/suggestions', { cookie });
    expect(suggestions.json().items.length).toBeGreaterThan(3);
    expect(suggestions.json().items[0].reasons.length).toBeGreaterThan(1);
  });

  it('lists the demo accounts in development, and they sign in with the shared password', async () => {
    const res = await call(t, 'GET', '/api/demo/accounts');
    expect(res.statusCode).toBe(200);
    const { accounts, password } = res.json();
    expect(password).toBe(DEMO_PASSWORD);
    const nssEs = accounts.find((a: { email: string }) => a.email === 'nss-es@demo.opentwinning.org');
    expect(nssEs.role).toBe('nss_officer');
    const signIn = await call(t, 'POST', '/api/auth/sign-in', { body: { email: nssEs.email, password } });
    expect(signIn.statusCode).toBe(200);
    const queue = await call(t, 'GET', '/api/validation/queue', { cookie: sessionCookie(signIn) });
    expect(queue.json().total).toBeGreaterThan(0);
  });

  it('has projects in every state, a European one awaiting one of its two approvals, active ones with several countries', async () => {
    const states = await t.database.pool.query(`SELECT state, count(*)::int AS n FROM project GROUP BY state`);
    expect(states.rows.map((r) => r.state).sort()).toEqual([
      'active',
      'archived',
      'awaiting_approval',
      'awaiting_partner',
      'closed',
      'draft',
      'rejected',
    ]);
    expect(
      await count(`SELECT count(*)::int AS n FROM project p WHERE p.state = 'awaiting_approval' AND p.kind = 'european'
                   AND (SELECT count(*) FROM project_approval a WHERE a.project_id = p.id AND a.approved_at IS NOT NULL) = 1
                   AND (SELECT count(*) FROM project_approval a WHERE a.project_id = p.id) = 2`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM project WHERE state = 'active' AND cardinality(country_codes) >= 3`),
    ).toBeGreaterThanOrEqual(2);
    // Every active, closed or archived project has its TwinSpace; the others none.
    expect(
      await count(`SELECT count(*)::int AS n FROM project p WHERE (p.state IN ('active', 'closed', 'archived'))
                   <> EXISTS (SELECT 1 FROM twinspace s WHERE s.project_id = p.id)`),
    ).toBe(0);
    const gallery = (await call(t, 'GET', '/api/gallery')).json();
    expect(gallery.total).toBeGreaterThanOrEqual(4);
  });
});

describe('demo accounts outside development', () => {
  it('answers 404', async () => {
    const prod = await createTestApp({ env: 'test' });
    try {
      await seedDemoData(prod.database.db);
      expect((await call(prod, 'GET', '/api/demo/accounts')).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
