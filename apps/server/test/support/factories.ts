import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { mailOutbox } from '../../src/platform/mail/mail.tables.ts';
import { roleAssignment } from '../../src/modules/validation/validation.tables.ts';
import { region } from '../../src/modules/countries/countries.tables.ts';
import type { TestContext } from './test-app.ts';

export const ORIGIN = 'http://localhost:3000';
export const PASSWORD = 'correct horse battery';

export interface CallOptions {
  cookie?: string;
  body?: unknown;
  lang?: 'es' | 'en';
  origin?: string | null;
  headers?: Record<string, string>;
}

/** Calls the API like a browser page of this site would (same Origin on writes). */
export function call(
  t: TestContext,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  o: CallOptions = {},
) {
  const headers: Record<string, string> = { 'accept-language': o.lang ?? 'en', ...o.headers };
  if (o.cookie) headers.cookie = o.cookie;
  if (method !== 'GET' && o.origin !== null) headers.origin = o.origin ?? ORIGIN;
  return t.app.inject({ method, url, headers, ...(o.body !== undefined ? { payload: o.body as object } : {}) });
}

export const sessionCookie = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'ot_session');
  return c ? `ot_session=${c.value}` : undefined;
};

const unique = () => randomBytes(4).toString('hex');

/** The newest message to an address, as stored in the outbox. */
export async function lastMailTo(t: TestContext, to: string) {
  const rows = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
}

export function tokenIn(body: string): string {
  const m = body.match(/[?&]token=([\w.-]+)/);
  if (!m) throw new Error(`no token in mail: ${body}`);
  return m[1]!;
}

export interface Member {
  email: string;
  username: string;
  cookie: string;
  personId: string;
}

/** Signs up through the API, confirms by the emailed link, and (optionally) completes the profile. */
export async function signedUp(
  t: TestContext,
  o: { email?: string; uiLanguage?: 'es' | 'en'; profile?: boolean; firstName?: string } = {},
): Promise<Member> {
  const id = unique();
  const email = o.email ?? `teacher-${id}@school.example`;
  const username = `teacher_${id}`;
  const signUp = await call(t, 'POST', '/api/auth/sign-up', {
    body: {
      email,
      password: PASSWORD,
      username,
      firstName: o.firstName ?? 'Ana',
      lastName: `Test ${id}`,
      uiLanguage: o.uiLanguage ?? 'en',
      acceptCodeOfConduct: true,
    },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  const mail = await lastMailTo(t, email);
  const confirm = await call(t, 'POST', '/api/auth/confirm-email', { body: { token: tokenIn(mail!.body) } });
  expect(confirm.statusCode, confirm.body).toBe(200);
  const cookie = sessionCookie(confirm)!;
  if (o.profile !== false) {
    const profile = await call(t, 'PUT', '/api/me/profile', {
      cookie,
      body: {
        firstName: o.firstName ?? 'Ana',
        lastName: `Test ${id}`,
        schoolRole: 'teacher',
        subjects: ['mathematics'],
        languages: ['es', 'en'],
        presentation: '',
        lookingForPartners: true,
        uiLanguage: o.uiLanguage ?? 'en',
        timeZone: 'Europe/Madrid',
      },
    });
    expect(profile.statusCode, profile.body).toBe(200);
  }
  const me = await call(t, 'GET', '/api/me', { cookie });
  return { email, username, cookie, personId: me.json().id };
}

export async function regionId(t: TestContext, code: string): Promise<number> {
  const [row] = await t.database.db.select().from(region).where(eq(region.code, code));
  return row!.id;
}

/** Creates a school through the API. */
export async function newSchool(
  t: TestContext,
  member: Member,
  o: {
    countryCode?: string;
    regionCode?: string;
    name?: string;
    city?: string;
    headEmail?: string;
    levels?: string[];
    ageMin?: number;
    ageMax?: number;
  } = {},
) {
  const res = await call(t, 'POST', '/api/schools', {
    cookie: member.cookie,
    body: {
      countryCode: o.countryCode ?? 'FR',
      regionId: o.regionCode ? await regionId(t, o.regionCode) : null,
      name: o.name ?? `École ${unique()}`,
      levels: o.levels ?? ['primary'],
      address: '1 rue de l’École',
      city: o.city ?? 'Lyon',
      postalCode: '69001',
      ageMin: o.ageMin ?? 6,
      ageMax: o.ageMax ?? 11,
      pupilCount: 300,
      website: '',
      headName: 'Claire Directrice',
      headEmail: o.headEmail ?? `head-${unique()}@school.example`,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; countryCode: string };
}

export async function joinSchool(t: TestContext, member: Member, schoolId: string): Promise<string> {
  const res = await call(t, 'POST', '/api/me/affiliations', { cookie: member.cookie, body: { schoolId } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Gives a support role directly (as the admin command or the CSS would). */
export async function grant(
  t: TestContext,
  member: Member,
  role: 'css_officer' | 'nss_officer' | 'regional_coordinator',
  countryCode: string | null = null,
  regionCode?: string,
) {
  await t.database.db.insert(roleAssignment).values({
    personId: member.personId,
    role,
    countryCode,
    regionId: regionCode ? await regionId(t, regionCode) : null,
  });
}

export async function officer(
  t: TestContext,
  role: 'css_officer' | 'nss_officer' | 'regional_coordinator',
  country?: string,
  regionCode?: string,
) {
  const m = await signedUp(t);
  await grant(t, m, role, country ?? null, regionCode);
  return m;
}

export type SchoolOptions = Parameters<typeof newSchool>[2];

/**
 * A validated teacher: signed up, joined a new school (French unless said), validated by the given
 * officer (an NSS officer of that country, or a CSS officer). `profile` replaces profile fields.
 */
export async function validatedTeacher(
  t: TestContext,
  nssFr: Member,
  o: {
    profile?: Record<string, unknown>;
    school?: SchoolOptions;
    firstName?: string;
    /** The regional coordinator who confirms first (countries with the regional step). */
    coordinator?: Member;
    uiLanguage?: 'es' | 'en';
  } = {},
): Promise<Member> {
  const m = await signedUp(t, { firstName: o.firstName, uiLanguage: o.uiLanguage });
  if (o.profile) {
    const me = (await call(t, 'GET', '/api/me', { cookie: m.cookie })).json();
    const res = await call(t, 'PUT', '/api/me/profile', {
      cookie: m.cookie,
      body: {
        firstName: me.firstName,
        lastName: me.lastName,
        schoolRole: 'teacher',
        subjects: me.subjects,
        languages: me.languages,
        presentation: '',
        lookingForPartners: true,
        uiLanguage: me.uiLanguage,
        timeZone: me.timeZone,
        ...o.profile,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const school = await newSchool(t, m, { countryCode: 'FR', ...o.school });
  const id = await joinSchool(t, m, school.id);
  if (o.coordinator) {
    const confirmed = await call(t, 'POST', '/api/validation/regional-confirmations', {
      cookie: o.coordinator.cookie,
      body: { affiliationIds: [id] },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  }
  const res = await call(t, 'POST', '/api/validation/decisions', {
    cookie: nssFr.cookie,
    body: { affiliationIds: [id], decision: 'validate' },
  });
  expect(res.statusCode).toBe(200);
  return m;
}

/** Makes two members contacts (request and acceptance through the API). */
export async function befriend(t: TestContext, a: Member, b: Member): Promise<void> {
  const req = await call(t, 'POST', '/api/contacts/requests', { cookie: a.cookie, body: { username: b.username } });
  expect(req.statusCode, req.body).toBe(201);
  const ok = await call(t, 'POST', `/api/contacts/requests/${req.json().id}/accept`, { cookie: b.cookie });
  expect(ok.statusCode, ok.body).toBeLessThan(300);
}
