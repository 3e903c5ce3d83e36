// Shared set-up of the projects route tests: one app per test file (each file gets its own copy of
// this module), the support officers, and helpers that found and move projects through the API.
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';
import { call, officer, type Member, validatedTeacher } from '../../../test/support/factories.ts';

export let t: TestContext;
export let css: Member;
export let nssEs: Member;
export let nssFr: Member;
export let nssIt: Member;
export let coordAndalucia: Member;

/** Call at the top of a test file: a fresh app with a CSS, NSS ES/FR/IT and Andalucía's coordinator. */
export function useProjectsApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    css = await officer(t, 'css_officer');
    nssEs = await officer(t, 'nss_officer', 'ES');
    nssFr = await officer(t, 'nss_officer', 'FR');
    nssIt = await officer(t, 'nss_officer', 'IT');
    coordAndalucia = await officer(t, 'regional_coordinator', 'ES', 'ES-AN');
  });
  afterAll(() => t.close());
}

export const teacherIn = (countryCode: string, o: Parameters<typeof validatedTeacher>[2] = {}) =>
  validatedTeacher(t, css, {
    ...o,
    school: { countryCode, ...(countryCode === 'ES' ? { regionCode: 'ES-AN', city: 'Granada' } : {}), ...o.school },
    coordinator: countryCode === 'ES' ? coordAndalucia : undefined,
  });

export const schoolOf = async (m: Member) =>
  (await call(t, 'GET', '/api/me', { cookie: m.cookie })).json().affiliations[0].school.id as string;

export const completeForm = {
  summary: 'Alumnado de dos países escribe cuentos y los intercambia cada mes.',
  languages: ['es', 'fr'],
  ageMin: 10,
  ageMax: 12,
  pupils: 48,
  subjects: ['foreign_languages'],
  tools: 'TwinSpace, videoconferencia',
  aims: 'Escribir en la lengua del otro y conocer su ciudad.',
  workProcess: 'Cada mes un cuento por grupo; comentarios cruzados.',
  expectedResults: 'Un libro digital de cuentos bilingües.',
};

/** Founds a draft with a contact as co-founder; returns its id. */
export async function found(a: Member, b: Member, title = 'Cuentos cruzados') {
  const res = await call(t, 'POST', '/api/projects', {
    cookie: a.cookie,
    body: { schoolId: await schoolOf(a), cofounder: b.username, title },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export const get = async (m: Member, id: string) => {
  const res = await call(t, 'GET', `/api/projects/${id}`, { cookie: m.cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
export const act = (m: Member, id: string, action: string, body?: unknown) =>
  call(t, 'POST', `/api/projects/${id}/${action}`, { cookie: m.cookie, body: body ?? {} });
export const ok = async (res: Awaited<ReturnType<typeof act>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A complete project submitted and accepted: awaiting the approvals. */
export async function awaitingApproval(a: Member, b: Member, title?: string) {
  const id = await found(a, b, title);
  await ok(await call(t, 'PATCH', `/api/projects/${id}`, { cookie: a.cookie, body: completeForm }));
  await ok(await act(a, id, 'submit'));
  await ok(await act(b, id, 'accept'));
  return id;
}

export async function count(query: string, params: unknown[]) {
  const res = await t.database.pool.query(query, params);
  return Number(res.rows[0].n);
}
